-- Residential groups (tổ dân phố) for the filter, with the former unit they lie in.
SELECT g.id, g.name, g.parent_id AS former_unit
FROM admin_unit g
WHERE g.kind = 'residential_group'
ORDER BY g.name
