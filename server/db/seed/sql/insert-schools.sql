-- Insert schools (demo positions) from a JSON array of DemoSchool (point in "geojson").
INSERT INTO school (name, level, standard_level, former_unit_id, parcel_id, demo, geom)
SELECT x.name, x.level, x."standardLevel", x."formerUnitId", x."parcelId", true, ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)
FROM json_to_recordset($1::json) AS x(name text, level text, "standardLevel" smallint, "formerUnitId" text,
     "parcelId" bigint, geojson text)
