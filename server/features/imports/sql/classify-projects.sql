-- Projects ($1 job id): the key is the project code; find the project it updates and decide each feature's
-- action. A new project needs a name and a type (name_missing / project_type_unknown); duplicate codes in the
-- file reject every copy; unchanged = same attributes where given and a footprint within 1e-7° (≈ 1 cm).
-- Warning area_from_geometry: a new project without a planned area takes the mapped one.
WITH c AS (
  SELECT f.seq, f.reasons, f.warnings, f.geom, f.mapped_area, f.attrs ->> 'code' AS code, f.attrs ->> 'name' AS name,
         f.attrs ->> 'type' AS type, f.attrs ->> 'status' AS status, f.attrs ->> 'decisionNo' AS decision_no,
         (f.attrs ->> 'plannedAreaHa')::numeric AS planned_ha,
         p.id AS target_id, p.version AS target_version, p.geom AS target_geom, p.name AS t_name,
         p.project_type AS t_type, p.status AS t_status, p.decision_no AS t_decision, p.planned_area_ha AS t_ha
  FROM import_feature f
  LEFT JOIN plan_project p ON p.code = f.attrs ->> 'code'
  WHERE f.job_id = $1::uuid
),
d AS (
  SELECT c.*, CASE WHEN c.code IS NOT NULL THEN count(*) OVER (PARTITION BY c.code) ELSE 1 END AS copies FROM c
),
r AS (
  SELECT d.*,
         ARRAY(SELECT DISTINCT x FROM unnest(d.reasons || array_remove(array[
           CASE WHEN d.target_id IS NULL AND d.code IS NOT NULL AND d.name IS NULL THEN 'name_missing' END,
           CASE WHEN d.target_id IS NULL AND d.code IS NOT NULL AND d.type IS NULL THEN 'project_type_unknown' END,
           CASE WHEN d.copies > 1 THEN 'duplicate_key' END], NULL)) AS x ORDER BY x) AS all_reasons
  FROM d
)
UPDATE import_feature f
SET reasons = r.all_reasons,
    key = r.code,
    target_id = r.target_id,
    target_version = r.target_version,
    action = CASE
      WHEN cardinality(r.all_reasons) > 0 THEN 'reject'
      WHEN r.target_id IS NULL THEN 'add'
      WHEN ST_HausdorffDistance(r.target_geom, r.geom) < 1e-7
           AND (r.name IS NULL OR r.name = r.t_name) AND (r.type IS NULL OR r.type = r.t_type)
           AND (r.status IS NULL OR r.status = r.t_status) AND (r.decision_no IS NULL OR r.decision_no = r.t_decision)
           AND (r.planned_ha IS NULL OR r.planned_ha = r.t_ha) THEN 'unchanged'
      ELSE 'update' END,
    warnings = r.warnings || array_remove(array[
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.target_id IS NULL AND r.planned_ha IS NULL THEN 'area_from_geometry' END], NULL)
FROM r
WHERE f.job_id = $1::uuid AND f.seq = r.seq
