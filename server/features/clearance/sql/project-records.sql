-- Clearance records — of project $1, or the one record $2 (either may be NULL) — with the parcel's cadastral key, the area inside the footprint (m², EPSG:9209)
-- and the land user's name (personal data: the route filters it by role). Stuck parcels first.
SELECT r.id, r.project_id, r.parcel_id, pa.former_unit_id, pa.map_sheet_no, pa.parcel_no, pa.land_use_code,
       round(area_vn2000_m2(overlay_intersection(pa.geom, pr.geom))::numeric, 1) AS m2,
       r.step, r.step_date, r.households, r.compensation_vnd, r.obstacle, r.obstacle_note, r.step_reason,
       r.version, r.demo,
       (SELECT string_agg(py.name, '; ' ORDER BY py.id) FROM land_right lr JOIN party py ON py.id = lr.party_id
         WHERE lr.parcel_id = pa.id) AS holder_name
FROM clearance_record r
JOIN parcel pa ON pa.id = r.parcel_id
JOIN plan_project pr ON pr.id = r.project_id
WHERE ($1::bigint IS NULL OR r.project_id = $1) AND ($2::bigint IS NULL OR r.id = $2)
ORDER BY (r.step <> 'handed_over' AND r.obstacle IS NOT NULL) DESC, clearance_step_rank(r.step), pa.map_sheet_no, pa.parcel_no
