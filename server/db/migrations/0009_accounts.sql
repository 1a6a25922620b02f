-- Accounts, roles, server-side sessions and sign-in attempts (issue 7). Personal data in the cadastre is shown
-- only to roles that need it; the policy lives in server/http/auth.ts, the accounts here.

-- A staff account. password_hash is 'scrypt$N$r$p$salt$hash' (base64), never a plain password; it is kept out
-- of the audit log (the audit trigger is given 'password_hash' to leave out). password_changed_at makes a reset visible in the audit.
CREATE TABLE app_user (
  id                  bigserial PRIMARY KEY,
  username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  display_name        text NOT NULL DEFAULT '',
  password_hash       text NOT NULL,
  disabled            boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at       timestamptz
);

-- lanh_dao leadership · dia_chinh land officer · quy_hoach planner · gpmb clearance officer · admin accounts.
CREATE TABLE user_role (
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role IN ('lanh_dao', 'dia_chinh', 'quy_hoach', 'gpmb', 'admin')),
  PRIMARY KEY (user_id, role)
);

-- Server-side sessions. Only SHA-256 hashes of the cookie token and of the CSRF token are stored, so a copy
-- of this table cannot be replayed. Idle expiry is last_seen_at + the configured idle time; expires_at is
-- the absolute end.
CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_hash    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Every sign-in attempt, for the lock-out after repeated failures (per username and per address).
CREATE TABLE login_attempt (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  username text NOT NULL,
  ip       text NOT NULL,
  success  boolean NOT NULL
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

-- The audit browser filters by actor and time.
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);

-- Account changes go through audit_row() of 0008, told to leave out password_hash (a hash in an append-only
-- log would outlive every reset); user_role has no id, so its entries are keyed by user_id.

-- last_login_at changes on every sign-in: not an account change worth an audit entry (login_attempt has it).
CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE OF username, display_name, password_hash, disabled, password_changed_at
  ON app_user FOR EACH ROW EXECUTE FUNCTION audit_row('password_hash');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_role FOR EACH ROW EXECUTE FUNCTION audit_row('password_hash');
