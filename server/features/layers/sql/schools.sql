-- Layer 'schools': the 9 schools (names from the report where given, positions demo). $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', s.id,
         'geometry', ST_AsGeoJSON(s.geom, 7)::json,
         'properties', json_build_object('id', s.id, 'demo', s.demo, 'name', s.name, 'level', s.level,
           'standardLevel', s.standard_level, 'formerUnit', s.former_unit_id))), '[]')::text AS features,
       coalesce(bool_or(s.demo), false) AS demo
FROM school s
WHERE $1::float8 IS NULL OR s.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
