-- One sign-in attempt. $1 username as typed (lower case, ≤ 60 chars), $2 client address, $3 success.
INSERT INTO login_attempt (username, ip, success) VALUES ($1, $2, $3)
