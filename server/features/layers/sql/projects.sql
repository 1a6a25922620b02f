-- Layer 'projects': land-use-plan project footprints (Kế hoạch sử dụng đất 2025). $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', p.id,
         'geometry', ST_AsGeoJSON(p.geom, 7)::json,
         'properties', json_build_object('id', p.id, 'demo', p.demo, 'code', p.code, 'name', p.name,
           'type', p.project_type, 'status', p.status, 'decisionNo', p.decision_no,
           'plannedAreaHa', p.planned_area_ha, 'mappedAreaHa', round((area_vn2000_m2(p.geom) / 1e4)::numeric, 4),
           'formerUnit', p.former_unit_id))
         ORDER BY p.code), '[]')::text AS features,
       coalesce(bool_or(p.demo), false) AS demo
FROM plan_project p
WHERE $1::float8 IS NULL OR p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
