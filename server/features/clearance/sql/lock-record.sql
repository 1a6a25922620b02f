-- Record $1's current step, date and version, locked for the update that follows in the same transaction.
SELECT id, step, step_date, version FROM clearance_record WHERE id = $1 FOR UPDATE
