-- Update record $1 if its version is still $2; the triggers (0012) check the step order, append the step
-- history and the audit log. Returns the new version (no row: the version was stale).
UPDATE clearance_record
   SET step = $3, step_date = $4, households = $5, compensation_vnd = $6, obstacle = $7, obstacle_note = $8,
       step_reason = $9, version = version + 1
 WHERE id = $1 AND version = $2
RETURNING id, version
