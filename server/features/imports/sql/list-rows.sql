-- The preview table ($1 job id, $2 action or null, $3 only warned, $4 offset, $5 limit; the rejections CSV pages
-- through it too): staged features in file order with their key, label (land use or project name), area, target.
SELECT seq, source_ref, action, reasons, warnings, key, detail, target_id, mapped_area,
       coalesce(attrs ->> 'landUseCode', attrs ->> 'name') AS label
FROM import_feature
WHERE job_id = $1::uuid AND ($2::text IS NULL OR action = $2) AND (NOT $3::boolean OR cardinality(warnings) > 0)
ORDER BY seq
OFFSET $4 LIMIT $5
