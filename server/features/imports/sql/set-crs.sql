-- The CRS an import uses, once resolved from the file or the user's choice: $1 id, $2 ResolvedCrs (jsonb).
UPDATE import_job SET crs = $2, updated_at = now() WHERE id = $1::uuid
