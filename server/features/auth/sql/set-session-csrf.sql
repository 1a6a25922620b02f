-- Replace the CSRF token of a session (the browser lost its csrf cookie). $1 token hash, $2 new CSRF hash.
UPDATE user_session SET csrf_hash = $2 WHERE token_hash = $1
