-- Layer 'residential-groups': the 16 tổ dân phố (demo polygons). $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', u.id,
         'geometry', ST_AsGeoJSON(u.geom, 7)::json,
         'properties', json_build_object('id', u.id, 'demo', u.demo, 'name', u.name,
           'formerUnit', (SELECT f.id FROM admin_unit f WHERE f.kind = 'former_unit'
                           ORDER BY ST_Distance(f.geom, ST_PointOnSurface(u.geom)) LIMIT 1),
           'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3)))
         ORDER BY u.id), '[]')::text AS features,
       coalesce(bool_or(u.demo), false) AS demo
FROM admin_unit u
WHERE u.kind = 'residential_group' AND ($1::float8 IS NULL OR u.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
