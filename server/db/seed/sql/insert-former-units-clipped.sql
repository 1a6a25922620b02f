-- Insert the former units clipped to the 2025 ward ($2 = ward id): only the part of each old unit inside the ward
-- belongs to it (xã Thượng Quận was split; its remainder went to xã Phú Thái).
INSERT INTO admin_unit (id, kind, name, unit_type, parent_id, gso_code, official_area_km2, population, partial, demo, source, geom)
SELECT x.id, 'former_unit', x.name, x.unit_type, w.id, x.gso_code, x.official_area_km2, x.population, x.partial, false, x.source,
       ST_Multi(ST_CollectionExtract(overlay_intersection(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)), w.geom), 3))
FROM json_to_recordset($1::json) AS x(id text, name text, unit_type text, gso_code text, official_area_km2 numeric,
     population integer, partial boolean, source text, geojson text)
JOIN admin_unit w ON w.id = $2
