-- Insert parcels (demo) from a JSON array of DemoParcel (geometry EPSG:4326 GeoJSON in "geojson").
INSERT INTO parcel (id, former_unit_id, map_sheet_no, parcel_no, land_use_code, legal_area_m2, residential_group_id,
                    address, village, demo, geom)
SELECT x.id, x."formerUnitId", x."mapSheetNo", x."parcelNo", x."landUseCode", x."legalAreaM2", x."residentialGroupId",
       x.address, x.village, true, ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)
FROM json_to_recordset($1::json) AS x(id bigint, "formerUnitId" text, "mapSheetNo" integer, "parcelNo" integer,
     "landUseCode" text, "legalAreaM2" numeric, "residentialGroupId" text, address text, village text, geojson text)
