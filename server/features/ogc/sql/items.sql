-- One page of an OGC /items request: a JSON array of GeoJSON features (text, built by PostGIS) and how many.
-- $1..$5 optional bbox as in count.sql; $6 output SRID (4326, 3857, 9209, 9210); $7 true = swap to lat/lon
-- (EPSG:4326's axis order); $8 decimals (7 for degrees ≈ 1 cm, 3 for metres = 1 mm); $9 limit; $10 offset.
-- Stable order by id, so offset paging is consistent. ST_AsGeoJSON option 0: no "crs" member (Content-Crs says it).
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', f.id,
         'geometry', ST_AsGeoJSON(CASE WHEN $7::boolean THEN ST_FlipCoordinates(ST_Transform(f.geom, $6::int))
                                       ELSE ST_Transform(f.geom, $6::int) END, $8::int, 0)::json,
         'properties', f.properties) ORDER BY f.id), '[]')::text AS features,
       count(*)::int AS returned
FROM (__SOURCE__) f
-- the page's ids first (only the key is read, so skipped rows cost an index step, not their properties),
-- then the features of those ids
JOIN (SELECT s.id FROM (__SOURCE__) s
      WHERE $1::float8 IS NULL OR (s.geom && ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5::int), 4326)
                              AND ST_Intersects(s.geom, ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5::int), 4326)))
      ORDER BY s.id LIMIT $9 OFFSET $10) page ON page.id = f.id
