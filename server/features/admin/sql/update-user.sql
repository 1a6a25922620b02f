-- Change display name and/or disabled flag (null keeps the value). $1 id, $2 display name, $3 disabled.
UPDATE app_user SET display_name = coalesce($2, display_name), disabled = coalesce($3, disabled)
 WHERE id = $1
RETURNING id
