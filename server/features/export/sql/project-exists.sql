-- Whether plan_project $1 exists (one row), so a project selection of an unknown id answers 404, not an empty file.
SELECT EXISTS (SELECT 1 FROM plan_project WHERE id = $1::int) AS found
