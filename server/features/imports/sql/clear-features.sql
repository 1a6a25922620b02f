-- Drop a job's staged features ($1 id): before it is read again, after a commit or a discard.
DELETE FROM import_feature WHERE job_id = $1::uuid
