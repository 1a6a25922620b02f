-- Whether project $1 exists (one row: exists).
SELECT EXISTS (SELECT 1 FROM plan_project WHERE id = $1) AS exists
