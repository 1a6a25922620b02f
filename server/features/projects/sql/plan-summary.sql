-- The plan summary (one row): number of projects, total footprint area, area by type, and area inside each
-- former unit (geometric intersection with the units clipped to the ward). Areas: ha, planar EPSG:9209.
WITH p AS (SELECT id, project_type, demo, geom, area_vn2000_m2(geom) AS m2 FROM plan_project),
inside AS (
  SELECT u.id, u.name, p.id AS project_id, area_vn2000_m2(overlay_intersection(u.geom, p.geom)) AS m2
  FROM admin_unit u JOIN p ON u.geom && p.geom AND ST_Intersects(u.geom, p.geom)
  WHERE u.kind = 'former_unit'
)
SELECT
  (SELECT count(*) FROM p) AS projects,
  round(((SELECT coalesce(sum(m2), 0) FROM p) / 1e4)::numeric, 4) AS total_area_ha,
  coalesce((SELECT json_agg(json_build_object('type', t.project_type, 'projects', t.n,
      'areaHa', round((t.m2 / 1e4)::numeric, 4)) ORDER BY t.m2 DESC, t.project_type)
    FROM (SELECT project_type, count(*) AS n, sum(m2) AS m2 FROM p GROUP BY project_type) t), '[]'::json) AS by_type,
  coalesce((SELECT json_agg(json_build_object('formerUnit', x.id, 'name', x.name, 'projects', x.n,
      'areaHa', round((x.m2 / 1e4)::numeric, 4)) ORDER BY x.id)
    FROM (SELECT id, name, count(*) FILTER (WHERE m2 >= 0.01) AS n, sum(m2) AS m2 FROM inside GROUP BY id, name) x),
    '[]'::json) AS by_former_unit,
  (SELECT coalesce(bool_or(demo), false) FROM p) AS demo
