-- Why project $1 could not be deleted: its current version and how many clearance records it has, locked so
-- the answer holds for the rest of the transaction. No row = no such project.
SELECT p.version,
       (SELECT count(*) FROM clearance_record c WHERE c.project_id = p.id)::int AS clearance_records
FROM plan_project p
WHERE p.id = $1
FOR UPDATE
