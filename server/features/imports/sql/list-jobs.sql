-- The last 20 import jobs of a user ($1 username), newest first, discarded ones left out.
SELECT id::text, layer, file_name, size_bytes, format, state, progress, options, crs, fields, mapping, counts,
       extent, error, created_by, created_at, committed_at
FROM import_job
WHERE created_by = $1 AND state <> 'discarded'
ORDER BY created_at DESC
LIMIT 20
