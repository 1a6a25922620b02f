-- Commit ($1 job id): change the projects the import updates (footprint, and the attributes the file gives) where
-- the version is still the one previewed (the caller compares the row count); no longer demo data.
UPDATE plan_project p
SET geom = ST_Multi(f.geom),
    name = coalesce(f.attrs ->> 'name', p.name),
    project_type = coalesce(f.attrs ->> 'type', p.project_type),
    status = coalesce(f.attrs ->> 'status', p.status),
    decision_no = coalesce(f.attrs ->> 'decisionNo', p.decision_no),
    planned_area_ha = coalesce((f.attrs ->> 'plannedAreaHa')::numeric, p.planned_area_ha),
    demo = false, version = p.version + 1, updated_at = now()
FROM import_feature f
WHERE f.job_id = $1::uuid AND f.action = 'update' AND p.id = f.target_id AND p.version = f.target_version
