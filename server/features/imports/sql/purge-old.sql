-- Jobs nobody committed or discarded within a day: their staged features go, the job rows stay as a record,
-- marked discarded. Returns their ids (the caller removes their uploaded files).
WITH old AS (
  UPDATE import_job SET state = 'discarded', progress = NULL, updated_at = now()
  WHERE state IN ('ready', 'failed') AND updated_at < now() - interval '1 day'
  RETURNING id
), gone AS (DELETE FROM import_feature f USING old WHERE f.job_id = old.id)
SELECT id::text FROM old
