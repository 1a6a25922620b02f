-- Correct a reused party's name ($2) and, when given, address ($3); the audit trigger records only a real
-- change, so an unchanged party leaves no history entry.
UPDATE party SET name = $2, address = coalesce($3, address)
WHERE id = $1 AND (name IS DISTINCT FROM $2 OR ($3::text IS NOT NULL AND address IS DISTINCT FROM $3))
