-- Parcels by certificate serial (số phát hành): $1 = the serial without spaces, upper case, a prefix.
SELECT p.id, p.former_unit_id, p.map_sheet_no, p.parcel_no, p.land_use_code, s.cert_status, c.serial,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat
FROM certificate c
JOIN parcel p ON p.id = c.parcel_id
JOIN parcel_status s ON s.parcel_id = p.id
WHERE replace(upper(c.serial), ' ', '') LIKE $1 || '%'
ORDER BY c.serial
LIMIT 20
