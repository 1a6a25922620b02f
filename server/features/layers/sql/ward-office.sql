-- Layer 'ward-office': the seat of the ward People's Committee. $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.geom, 7)::json,
         'properties', json_build_object('id', p.id, 'demo', p.demo, 'name', p.name))), '[]')::text AS features,
       coalesce(bool_or(p.demo), false) AS demo
FROM admin_point p
WHERE $1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
