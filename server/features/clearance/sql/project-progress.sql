-- Clearance progress of every project, from its records: parcels, area and households per step, handed over
-- and stuck. Area = the parcel inside the project footprint, m² planar in VN-2000 / TM-3 105°30' (EPSG:9209),
-- through overlay_intersection (see 0002_spatial_functions.sql). One row per project, An Phụ cluster first.
WITH cluster AS (SELECT value AS code FROM dataset_info WHERE key = 'an_phu_cluster_code'),
rec AS (
  SELECT r.project_id, r.step, r.households, coalesce(r.compensation_vnd, 0) AS vnd, r.demo,
         r.step <> 'handed_over' AND r.obstacle IS NOT NULL AS stuck,
         area_vn2000_m2(overlay_intersection(pa.geom, pr.geom)) AS m2
  FROM clearance_record r
  JOIN parcel pa ON pa.id = r.parcel_id
  JOIN plan_project pr ON pr.id = r.project_id
),
by_step AS (
  SELECT project_id, json_object_agg(step, json_build_object('parcels', n, 'areaM2', round(m2::numeric, 1), 'households', hh)) AS steps
  FROM (SELECT project_id, step, count(*) AS n, sum(m2) AS m2, sum(households) AS hh FROM rec GROUP BY project_id, step) s
  GROUP BY project_id
),
agg AS (
  SELECT project_id,
         count(*) AS n, sum(m2) AS m2, sum(households) AS hh,
         count(*) FILTER (WHERE step = 'handed_over') AS n_done,
         coalesce(sum(m2) FILTER (WHERE step = 'handed_over'), 0) AS m2_done,
         coalesce(sum(households) FILTER (WHERE step = 'handed_over'), 0) AS hh_done,
         count(*) FILTER (WHERE stuck) AS n_stuck,
         coalesce(sum(m2) FILTER (WHERE stuck), 0) AS m2_stuck,
         coalesce(sum(households) FILTER (WHERE stuck), 0) AS hh_stuck,
         sum(vnd) AS vnd, bool_or(demo) AS demo
  FROM rec GROUP BY project_id
)
SELECT p.id AS project_id, p.code, p.name, p.status,
       p.code = (SELECT code FROM cluster) AS is_cluster,
       coalesce(a.n, 0) AS n, coalesce(round(a.m2::numeric, 1), 0) AS m2, coalesce(a.hh, 0) AS hh,
       coalesce(a.n_done, 0) AS n_done, round(coalesce(a.m2_done, 0)::numeric, 1) AS m2_done, coalesce(a.hh_done, 0) AS hh_done,
       coalesce(a.n_stuck, 0) AS n_stuck, round(coalesce(a.m2_stuck, 0)::numeric, 1) AS m2_stuck, coalesce(a.hh_stuck, 0) AS hh_stuck,
       round((100 * a.m2_done / nullif(a.m2, 0))::numeric, 1) AS area_pct,
       round((100.0 * a.hh_done / nullif(a.hh, 0))::numeric, 1) AS households_pct,
       coalesce(a.vnd, 0) AS vnd,
       coalesce(s.steps, '{}'::json) AS steps,
       coalesce(a.demo, p.demo) AS demo
FROM plan_project p
LEFT JOIN agg a ON a.project_id = p.id
LEFT JOIN by_step s ON s.project_id = p.id
ORDER BY (p.code = (SELECT code FROM cluster)) DESC NULLS LAST, (a.n IS NULL), p.code
