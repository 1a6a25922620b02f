-- Every account with its roles, by username.
SELECT u.id, u.username, u.display_name, u.disabled, u.created_at, u.last_login_at,
       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
  FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
 GROUP BY u.id
 ORDER BY u.username
