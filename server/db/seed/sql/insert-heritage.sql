-- Insert heritage sites (demo positions) from a JSON array of DemoHeritageSite (point in "geojson").
INSERT INTO heritage_site (name, site_type, relic_rank, village, former_unit_id, parcel_id, report_footnote, note, demo, geom)
SELECT x.name, x.type, x.rank, x.village, x."formerUnitId", x."parcelId", x.footnote, x."countedAs", true, ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)
FROM json_to_recordset($1::json) AS x(name text, type text, rank text, village text, "formerUnitId" text,
     "parcelId" bigint, footnote smallint, "countedAs" text, geojson text)
