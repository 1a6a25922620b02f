-- A new account; nothing when the username is taken. $1 username, $2 display name, $3 scrypt hash.
INSERT INTO app_user (username, display_name, password_hash) VALUES ($1, $2, $3)
ON CONFLICT (username) DO NOTHING
RETURNING id
