-- The parcels of project $1 with their clearance step and obstacle, as GeoJSON features (no personal data);
-- area = the part inside the footprint, m² planar EPSG:9209. NULL project when $1 does not exist.
SELECT pr.id AS project_id,
       coalesce((SELECT json_agg(json_build_object(
         'type', 'Feature', 'id', pa.id,
         'geometry', ST_AsGeoJSON(pa.geom, 7)::json,
         'properties', json_build_object('id', pa.id, 'recordId', r.id, 'demo', r.demo, 'step', r.step,
           'stepDate', r.step_date, 'obstacle', r.obstacle,
           'stuck', r.step <> 'handed_over' AND r.obstacle IS NOT NULL, 'households', r.households,
           'areaM2', round(area_vn2000_m2(overlay_intersection(pa.geom, pr.geom))::numeric, 1),
           'mapSheetNo', pa.map_sheet_no, 'parcelNo', pa.parcel_no)) ORDER BY pa.id)
         FROM clearance_record r JOIN parcel pa ON pa.id = r.parcel_id WHERE r.project_id = pr.id), '[]')::text AS features,
       coalesce((SELECT bool_or(r.demo) FROM clearance_record r WHERE r.project_id = pr.id), pr.demo) AS demo
FROM plan_project pr
WHERE pr.id = $1
