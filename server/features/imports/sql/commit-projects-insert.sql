-- Commit ($1 job id): add the new projects in file order, ids from plan_project_id_seq (0011) once it is moved
-- past the largest id (sync-project-sequence.sql). A missing status is 'planned'; a missing planned area the
-- mapped one in ha (the preview warned).
INSERT INTO plan_project (code, name, project_type, status, decision_no, planned_area_ha, demo, geom)
SELECT f.attrs ->> 'code', f.attrs ->> 'name', f.attrs ->> 'type', coalesce(f.attrs ->> 'status', 'planned'),
       f.attrs ->> 'decisionNo', coalesce((f.attrs ->> 'plannedAreaHa')::numeric, round((f.mapped_area / 10000)::numeric, 4)),
       false, ST_Multi(f.geom)
FROM import_feature f
WHERE f.job_id = $1::uuid AND f.action = 'add'
ORDER BY f.seq
