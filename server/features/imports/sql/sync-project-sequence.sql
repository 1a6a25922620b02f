-- Inside a commit: move plan_project_id_seq past the largest id (the seed loads ids without it), as
-- insert-project.sql does for one project, so no id is handed out twice. Returns one row.
SELECT setval('plan_project_id_seq', greatest((SELECT coalesce(max(id), 0) FROM plan_project),
                                               (SELECT last_value FROM plan_project_id_seq))) AS id
