-- How many rows the preview table has for the same filter as list-rows.sql ($1 job id, $2 action, $3 warned only).
SELECT count(*)::integer AS total
FROM import_feature
WHERE job_id = $1::uuid AND ($2::text IS NULL OR action = $2) AND (NOT $3::boolean OR cardinality(warnings) > 0)
