-- Grant roles $2 to user $1; roles already held are kept as they are.
INSERT INTO user_role (user_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING
