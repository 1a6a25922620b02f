-- Features whose preview no longer holds ($1 job id, $2 layer): the feature an update targets changed (version) or
-- went, or a feature to add now exists under the same key. Counted before a commit and again inside it.
SELECT count(*)::integer AS stale
FROM import_feature f
WHERE f.job_id = $1::uuid AND (
  (f.action IN ('update', 'unchanged') AND $2 = 'parcels'
     AND NOT EXISTS (SELECT 1 FROM parcel p WHERE p.id = f.target_id AND p.version = f.target_version))
  OR (f.action IN ('update', 'unchanged') AND $2 = 'projects'
     AND NOT EXISTS (SELECT 1 FROM plan_project p WHERE p.id = f.target_id AND p.version = f.target_version))
  OR (f.action = 'add' AND $2 = 'parcels' AND EXISTS (
       SELECT 1 FROM parcel p WHERE p.former_unit_id = f.attrs ->> 'unitId'
          AND p.map_sheet_no = (f.attrs ->> 'mapSheetNo')::integer AND p.parcel_no = (f.attrs ->> 'parcelNo')::integer))
  OR (f.action = 'add' AND $2 = 'projects' AND EXISTS (SELECT 1 FROM plan_project p WHERE p.code = f.key)))
