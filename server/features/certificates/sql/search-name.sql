-- Parcels of land users whose accent-folded name contains $1 (already folded by search-terms.ts, LIKE
-- wildcards escaped); households and individuals are personal data: the route allows this search only to
-- roles that may see them. bbox EPSG:4326.
SELECT p.id, p.former_unit_id, p.map_sheet_no, p.parcel_no, p.land_use_code, s.cert_status, y.name AS holder_name,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat
FROM party y
JOIN land_right r ON r.party_id = y.id
JOIN parcel p ON p.id = r.parcel_id
JOIN parcel_status s ON s.parcel_id = p.id
WHERE fold_vi(y.name) LIKE '%' || $1 || '%'
  AND y.kind <> 'state'
ORDER BY (fold_vi(y.name) LIKE $1 || '%') DESC, y.name, p.former_unit_id, p.map_sheet_no, p.parcel_no
LIMIT 20
