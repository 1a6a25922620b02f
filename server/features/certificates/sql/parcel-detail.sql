-- One parcel for the panel: key, land use and its names, legal area and mapped area (m², planar in
-- VN-2000 / TM-3 105°30', EPSG:9209), group, village, status, version, bbox (EPSG:4326).
SELECT p.id, p.version, p.demo, p.former_unit_id, p.map_sheet_no, p.parcel_no, p.land_use_code,
       t.name_vi AS land_use_name_vi, t.name_en AS land_use_name_en, p.legal_area_m2,
       round(area_vn2000_m2(p.geom)::numeric, 1) AS mapped_area_m2, g.name AS residential_group, p.village,
       s.cert_status,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat
FROM parcel p
JOIN parcel_status s ON s.parcel_id = p.id
JOIN land_use_type t ON t.code = p.land_use_code
LEFT JOIN admin_unit g ON g.id = p.residential_group_id
WHERE p.id = $1
