-- Projects, step 2 of 2, for the features $2 ≤ seq ≤ $3 of job $1: duplicate codes in the file reject every copy;
-- the action (unchanged = same attributes where given and a footprint within 1e-7° ≈ 1 cm); warning
-- area_from_geometry (a new project without a planned area takes the mapped one).
WITH r AS (
  SELECT f.seq,
         ARRAY(SELECT DISTINCT x FROM unnest(f.reasons || CASE WHEN EXISTS (
                 SELECT 1 FROM import_feature o WHERE o.job_id = f.job_id AND o.key = f.key AND o.seq <> f.seq)
               THEN array['duplicate_key'] ELSE '{}'::text[] END) AS x ORDER BY x) AS all_reasons,
         f.geom, f.target_id, f.attrs ->> 'name' AS name, f.attrs ->> 'type' AS type, f.attrs ->> 'status' AS status,
         f.attrs ->> 'decisionNo' AS decision_no, (f.attrs ->> 'plannedAreaHa')::numeric AS planned_ha,
         p.geom AS target_geom, p.name AS t_name, p.project_type AS t_type, p.status AS t_status,
         p.decision_no AS t_decision, p.planned_area_ha AS t_ha
  FROM import_feature f
  LEFT JOIN plan_project p ON p.id = f.target_id
  WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3
)
UPDATE import_feature f
SET reasons = r.all_reasons,
    action = CASE
      WHEN cardinality(r.all_reasons) > 0 THEN 'reject'
      WHEN r.target_id IS NULL THEN 'add'
      WHEN ST_HausdorffDistance(r.target_geom, r.geom) < 1e-7
           AND (r.name IS NULL OR r.name = r.t_name) AND (r.type IS NULL OR r.type = r.t_type)
           AND (r.status IS NULL OR r.status = r.t_status) AND (r.decision_no IS NULL OR r.decision_no = r.t_decision)
           AND (r.planned_ha IS NULL OR r.planned_ha = r.t_ha) THEN 'unchanged'
      ELSE 'update' END,
    warnings = f.warnings || array_remove(array[
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.target_id IS NULL AND r.planned_ha IS NULL THEN 'area_from_geometry' END], NULL)
FROM r
WHERE f.job_id = $1::uuid AND f.seq = r.seq
