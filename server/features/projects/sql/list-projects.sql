-- The plan's projects, filtered by type ($1), status ($2) and former unit ($3; NULL = any). A project belongs to a
-- former unit when it is recorded there or its footprint's interior overlaps the unit. Areas: ha, EPSG:9209.
SELECT p.id, p.code, p.name, p.project_type AS type, p.status, p.decision_no, p.decision_date::text AS decision_date,
       p.planned_area_ha, round((area_vn2000_m2(p.geom) / 1e4)::numeric, 4) AS mapped_area_ha,
       p.former_unit_id AS former_unit, p.version, p.demo,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat
FROM plan_project p
WHERE ($1::text IS NULL OR p.project_type = $1)
  AND ($2::text IS NULL OR p.status = $2)
  AND ($3::text IS NULL OR p.former_unit_id = $3
       OR EXISTS (SELECT 1 FROM admin_unit u
                  WHERE u.id = $3 AND u.kind = 'former_unit' AND u.geom && p.geom AND ST_Relate(u.geom, p.geom, 'T********')))
ORDER BY p.code
