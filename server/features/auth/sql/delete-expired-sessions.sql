-- Housekeeping on sign-in: sessions past their absolute end or idle for longer than $1 seconds.
DELETE FROM user_session
 WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1::double precision)
