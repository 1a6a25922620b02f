-- Drop the roles not in $2 from user $1 (each removal is one audit entry).
DELETE FROM user_role WHERE user_id = $1 AND NOT (role = ANY ($2::text[]))
