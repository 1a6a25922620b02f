-- Set a job's state, clear its progress, and set or clear its error: $1 id, $2 state, $3 error (jsonb or null).
UPDATE import_job SET state = $2, progress = NULL, error = $3, updated_at = now(),
       committed_at = CASE WHEN $2 = 'committed' THEN now() ELSE committed_at END
WHERE id = $1::uuid
