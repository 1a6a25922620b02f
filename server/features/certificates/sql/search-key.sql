-- Parcels by cadastral key: former unit ($1, NULL = any), số tờ ($2, NULL = any), số thửa ($3). bbox EPSG:4326.
SELECT p.id, p.former_unit_id, p.map_sheet_no, p.parcel_no, p.land_use_code, s.cert_status,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat
FROM parcel p JOIN parcel_status s ON s.parcel_id = p.id
WHERE ($1::text IS NULL OR p.former_unit_id = $1)
  AND ($2::int IS NULL OR p.map_sheet_no = $2)
  AND p.parcel_no = $3
ORDER BY p.former_unit_id, p.map_sheet_no
LIMIT 20
