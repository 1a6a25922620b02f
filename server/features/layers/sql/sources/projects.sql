-- Layer 'projects' (map, OGC collection, tiles, export): land-use-plan project footprints . Areas ha, planar EPSG:9209.
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT p.id, p.demo, p.geom,
       json_build_object('id', p.id, 'demo', p.demo, 'code', p.code, 'name', p.name,
         'type', p.project_type, 'status', p.status, 'decisionNo', p.decision_no,
         'plannedAreaHa', p.planned_area_ha, 'mappedAreaHa', round((area_vn2000_m2(p.geom) / 1e4)::numeric, 4),
         'formerUnit', p.former_unit_id) AS properties
FROM plan_project p
