-- Sign out: the session is gone, the cookie worthless. $1 token hash.
DELETE FROM user_session WHERE token_hash = $1
