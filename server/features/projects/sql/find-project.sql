-- One project ($1) with its footprint as GeoJSON (EPSG:4326, 7 decimals ≈ 1 cm). Areas: ha, EPSG:9209.
SELECT p.id, p.code, p.name, p.project_type AS type, p.status, p.decision_no, p.decision_date::text AS decision_date,
       p.planned_area_ha, round((area_vn2000_m2(p.geom) / 1e4)::numeric, 4) AS mapped_area_ha,
       p.former_unit_id AS former_unit, p.version, p.demo,
       ST_XMin(p.geom) AS min_lon, ST_YMin(p.geom) AS min_lat, ST_XMax(p.geom) AS max_lon, ST_YMax(p.geom) AS max_lat,
       ST_AsGeoJSON(p.geom, 7)::json AS geometry
FROM plan_project p
WHERE p.id = $1
