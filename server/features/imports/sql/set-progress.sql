-- Phase and progress of a running job: $1 id, $2 state, $3 progress jsonb ({phase, done, total, unit}).
UPDATE import_job SET state = $2, progress = $3, updated_at = now() WHERE id = $1::uuid
