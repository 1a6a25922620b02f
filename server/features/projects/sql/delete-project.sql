-- Deletes project $1 if it is still at version $2 (optimistic concurrency) and has no site-clearance record:
-- clearance (giải phóng mặt bằng) is legal progress, so it must never go with a project (the FK would cascade).
-- project_parcel rows go by ON DELETE CASCADE; the audit trigger logs the whole row. No row back = refused.
DELETE FROM plan_project p
WHERE p.id = $1 AND p.version = $2
  AND NOT EXISTS (SELECT 1 FROM clearance_record c WHERE c.project_id = p.id)
RETURNING p.id, p.code, p.name
