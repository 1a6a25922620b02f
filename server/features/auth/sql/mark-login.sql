-- Remember the last successful sign-in (not audited: the trigger ignores this column). $1 user id.
UPDATE app_user SET last_login_at = now() WHERE id = $1
