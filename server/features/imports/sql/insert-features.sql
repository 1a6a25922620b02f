-- A batch of staged features: $1 job id, $2 JSON array [{seq, ref, attrs, geom (GeoJSON text in EPSG:4326, already
-- checked in Node so ST_GeomFromGeoJSON cannot fail), reasons, warnings, detail}].
INSERT INTO import_feature (job_id, seq, source_ref, attrs, geom, reasons, warnings, detail)
SELECT $1::uuid, r.seq, r.ref, r.attrs,
       CASE WHEN r.geom IS NOT NULL THEN ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326) END,
       coalesce(r.reasons, '{}'), coalesce(r.warnings, '{}'), r.detail
FROM json_to_recordset($2::json) AS r(seq integer, ref text, attrs jsonb, geom text, reasons text[], warnings text[], detail text)
