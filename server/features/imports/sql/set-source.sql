-- What reading found: $1 id, $2 format, $3 fields (jsonb array), $4 mapping (jsonb), $5 options (jsonb),
-- $6 resolved CRS (jsonb, null until the first geometry). Clears a previous error, counts and extent.
UPDATE import_job
SET format = $2, fields = $3, mapping = $4, options = $5, crs = $6, error = NULL, counts = NULL, extent = NULL,
    updated_at = now()
WHERE id = $1::uuid
