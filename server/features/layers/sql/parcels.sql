-- Layer 'parcels': thửa đất with cadastral key, land use, areas (m²; mapped area planar in EPSG:9209) and certificate
-- status derived from the records. No personal data. $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.geom, 7)::json,
         'properties', json_build_object('id', p.id, 'demo', p.demo,
           'formerUnit', p.former_unit_id, 'mapSheetNo', p.map_sheet_no, 'parcelNo', p.parcel_no,
           'landUseCode', p.land_use_code, 'legalAreaM2', p.legal_area_m2,
           'mappedAreaM2', round(area_vn2000_m2(p.geom)::numeric, 1),
           'certStatus', s.cert_status, 'backlogReason', b.reason, 'digitised', c.digitised,
           'residentialGroup', g.name, 'village', p.village))), '[]')::text AS features,
       coalesce(bool_or(p.demo), false) AS demo
FROM parcel p
JOIN parcel_status s ON s.parcel_id = p.id
LEFT JOIN backlog_case b ON b.parcel_id = p.id AND b.resolved_at IS NULL
LEFT JOIN LATERAL (SELECT bool_or(x.digitised) AS digitised FROM certificate x WHERE x.parcel_id = p.id) c ON true
LEFT JOIN admin_unit g ON g.id = p.residential_group_id
WHERE $1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
