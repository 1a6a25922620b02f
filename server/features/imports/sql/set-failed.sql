-- A job that cannot go on: $1 id, $2 {code, message}. The staged features go (nothing was written anywhere else).
WITH gone AS (DELETE FROM import_feature WHERE job_id = $1::uuid)
UPDATE import_job SET state = 'failed', error = $2, progress = NULL, counts = NULL, updated_at = now()
WHERE id = $1::uuid
