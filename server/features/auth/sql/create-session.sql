-- A new session. $1 token hash, $2 user id, $3 CSRF token hash, $4 absolute lifetime (s), $5 client address.
INSERT INTO user_session (token_hash, user_id, csrf_hash, expires_at, ip)
VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision), $5)
