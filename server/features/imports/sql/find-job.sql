-- One import job of one user ($1 id, $2 username; a job is its creator's alone), in the shape of ImportJob.
SELECT id::text, layer, file_name, size_bytes, format, state, progress, options, crs, fields, mapping, counts,
       extent, error, created_by, created_at, committed_at
FROM import_job
WHERE id = $1::uuid AND created_by = $2
