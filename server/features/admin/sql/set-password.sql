-- Reset a password; password_changed_at records the reset in the audit log (the hash itself never goes there).
-- $1 id, $2 scrypt hash.
UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE id = $1
