-- A map layer's features for /api/layers/:id: a JSON array of GeoJSON features (text, built by PostGIS) and
-- whether any of them is demo data. The FROM clause holds the layer's source (sources/<layer>.sql), spliced in at start.
-- $1..$4 optional bbox (EPSG:4326); `&&` lets the GiST index choose the candidates.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', f.id,
         'geometry', ST_AsGeoJSON(f.geom, 7)::json,
         'properties', f.properties) ORDER BY f.id), '[]')::text AS features,
       coalesce(bool_or(f.demo), false) AS demo
FROM (__SOURCE__) f
WHERE $1::float8 IS NULL OR f.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
