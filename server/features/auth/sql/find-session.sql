-- The live session for a token hash, with its user and roles. $1 token hash (hex SHA-256), $2 idle timeout (s).
-- Expired (absolute or idle) sessions and disabled users find nothing.
SELECT u.id, u.username, u.display_name, s.csrf_hash, s.last_seen_at,
       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM user_session s
  JOIN app_user u ON u.id = s.user_id
  LEFT JOIN user_role r ON r.user_id = u.id
 WHERE s.token_hash = $1
   AND s.expires_at > now()
   AND s.last_seen_at > now() - make_interval(secs => $2::double precision)
   AND NOT u.disabled
 GROUP BY u.id, s.token_hash
