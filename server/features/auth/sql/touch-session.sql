-- Keep a session alive (idle expiry counts from last_seen_at). $1 token hash.
UPDATE user_session SET last_seen_at = now() WHERE token_hash = $1
