-- The account a sign-in names. $1 username (lower case).
SELECT id, username, display_name, password_hash, disabled FROM app_user WHERE username = $1
