-- The preview on the map ($1 job id, $2 action or null, $3 limit): staged features with a geometry, in file order,
-- as GeoJSON (EPSG:4326, 7 decimals ≈ 1 cm) with what the import will do to each.
SELECT seq, source_ref, action, key, reasons, warnings, ST_AsGeoJSON(geom, 7) AS geometry
FROM import_feature
WHERE job_id = $1::uuid AND geom IS NOT NULL AND ($2::text IS NULL OR action = $2)
ORDER BY seq
LIMIT $3
