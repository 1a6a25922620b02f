-- A new import job for an uploaded file: $1 id (uuid), $2 layer, $3 file name, $4 size (bytes), $5 options
-- (jsonb), $6 username. It starts reading at once.
INSERT INTO import_job (id, layer, file_name, size_bytes, state, options, created_by, progress)
VALUES ($1, $2, $3, $4::bigint, 'reading', $5, $6,
        jsonb_build_object('phase', 'reading', 'done', 0, 'total', $4::bigint, 'unit', 'bytes'))
