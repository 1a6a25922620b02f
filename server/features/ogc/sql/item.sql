-- One feature of an OGC collection by id ($1, typed like the collection's key: bigint or text), as GeoJSON text;
-- no row when there is none. $2 output SRID, $3 true = lat/lon axis order, $4 decimals (see items.sql).
SELECT json_build_object(
         'type', 'Feature', 'id', f.id,
         'geometry', ST_AsGeoJSON(CASE WHEN $3::boolean THEN ST_FlipCoordinates(ST_Transform(f.geom, $2::int))
                                       ELSE ST_Transform(f.geom, $2::int) END, $4::int, 0)::json,
         'properties', f.properties)::text AS feature
FROM (__SOURCE__) f
WHERE f.id = $1
