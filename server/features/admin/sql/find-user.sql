-- One account with its roles. $1 user id.
SELECT u.id, u.username, u.display_name, u.disabled, u.created_at, u.last_login_at,
       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
 WHERE u.id = $1
 GROUP BY u.id
