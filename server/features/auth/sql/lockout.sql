-- Until when sign-in is locked for a username and for an address (null: not locked).
-- $1 username, $2 address, $3 window (s), $4 failures per username, $5 failures per address.
-- Locked while the window holds ≥ limit failures (for a username: since its last success); the lock ends when
-- the oldest of those failures leaves the window.
WITH u AS (
  SELECT at FROM login_attempt
   WHERE username = $1 AND NOT success AND at > now() - make_interval(secs => $3::double precision)
     AND at > coalesce((SELECT max(at) FROM login_attempt WHERE username = $1 AND success), '-infinity')
   ORDER BY at DESC LIMIT $4
), i AS (
  SELECT at FROM login_attempt
   WHERE ip = $2 AND NOT success AND at > now() - make_interval(secs => $3::double precision)
   ORDER BY at DESC LIMIT $5
)
SELECT CASE WHEN (SELECT count(*) FROM u) >= $4
            THEN (SELECT min(at) FROM u) + make_interval(secs => $3::double precision) END AS user_locked_until,
       CASE WHEN (SELECT count(*) FROM i) >= $5
            THEN (SELECT min(at) FROM i) + make_interval(secs => $3::double precision) END AS ip_locked_until
