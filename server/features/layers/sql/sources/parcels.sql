-- Layer 'parcels' (map, OGC collection, tiles, export): thửa đất — cadastral key,
-- land use, areas (m²; mapped area planar in EPSG:9209), certificate status. No personal data (no party fields).
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT p.id, p.demo, p.geom,
       json_build_object('id', p.id, 'demo', p.demo,
         'formerUnit', p.former_unit_id, 'mapSheetNo', p.map_sheet_no, 'parcelNo', p.parcel_no,
         'landUseCode', p.land_use_code, 'legalAreaM2', p.legal_area_m2,
         'mappedAreaM2', round(area_vn2000_m2(p.geom)::numeric, 1),
         'certStatus', s.cert_status, 'backlogReason', b.reason, 'digitised', c.digitised,
         'residentialGroup', g.name, 'village', p.village) AS properties
FROM parcel p
JOIN parcel_status s ON s.parcel_id = p.id
LEFT JOIN backlog_case b ON b.parcel_id = p.id AND b.resolved_at IS NULL
LEFT JOIN LATERAL (SELECT bool_or(x.digitised) AS digitised FROM certificate x WHERE x.parcel_id = p.id) c ON true
LEFT JOIN admin_unit g ON g.id = p.residential_group_id
