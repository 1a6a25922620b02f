-- Whether clearance record $1 exists (one row: exists).
SELECT EXISTS (SELECT 1 FROM clearance_record WHERE id = $1) AS exists
