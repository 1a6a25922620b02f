-- Sign a user out everywhere (after disabling, a password reset or a role change). $1 user id.
DELETE FROM user_session WHERE user_id = $1
