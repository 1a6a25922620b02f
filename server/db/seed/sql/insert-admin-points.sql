-- Insert administrative points from a JSON array [{id, unit_id, name, demo, source, lon, lat}].
INSERT INTO admin_point (id, unit_id, name, demo, source, geom)
SELECT x.id, x.unit_id, x.name, x.demo, x.source, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326)
FROM json_to_recordset($1::json) AS x(id text, unit_id text, name text, demo boolean, source text, lon float8, lat float8)
