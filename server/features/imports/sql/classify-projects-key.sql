-- Projects, step 1 of 2, for the features $2 ≤ seq ≤ $3 of job $1: the key is the project code; find the project
-- it would update. A new project needs a name and a type (name_missing / project_type_unknown).
WITH c AS (
  SELECT f.seq, f.attrs ->> 'code' AS code, p.id AS target_id, p.version AS target_version,
         f.attrs ->> 'name' AS name, f.attrs ->> 'type' AS type
  FROM import_feature f
  LEFT JOIN plan_project p ON p.code = f.attrs ->> 'code'
  WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3
)
UPDATE import_feature f
SET key = c.code, target_id = c.target_id, target_version = c.target_version,
    reasons = f.reasons || array_remove(array[
      CASE WHEN c.target_id IS NULL AND c.code IS NOT NULL AND c.name IS NULL THEN 'name_missing' END,
      CASE WHEN c.target_id IS NULL AND c.code IS NOT NULL AND c.type IS NULL THEN 'project_type_unknown' END], NULL)
FROM c
WHERE f.job_id = $1::uuid AND f.seq = c.seq
