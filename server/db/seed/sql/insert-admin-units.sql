-- Insert administrative units from a JSON array [{id, kind, name, unit_type, parent_id, gso_code,
-- official_area_km2, population, partial, demo, source, geojson}] (geometry EPSG:4326 GeoJSON).
INSERT INTO admin_unit (id, kind, name, unit_type, parent_id, gso_code, official_area_km2, population, partial, demo, source, geom)
SELECT x.id, x.kind, x.name, x.unit_type, x.parent_id, x.gso_code, x.official_area_km2, x.population,
       x.partial, x.demo, x.source,
       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)), 3))
FROM json_to_recordset($1::json) AS x(id text, kind text, name text, unit_type text, parent_id text, gso_code text,
     official_area_km2 numeric, population integer, partial boolean, demo boolean, source text, geojson text)
