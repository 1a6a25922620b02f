-- Parcels, step 1 of 2, for the features $2 ≤ seq ≤ $3 of job $1 (chunked so the embedded database, which runs in
-- the server's process, never stalls it for long): resolve the former unit (its id, GSO code, or name with or
-- without 'Xã'/'Phường', accents ignored), build the cadastral key (unit + số tờ + số thửa), find the parcel it
-- would update, and add the rejections that need the register: key_missing (no unit) · unit_unknown ·
-- land_use_unknown (a code not in land_use_type, or none for a new parcel).
WITH raw AS (
  SELECT DISTINCT f.attrs ->> 'unit' AS unit_raw
  FROM import_feature f WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3
),
units AS ( -- each distinct spelling resolved once, not once per feature
  SELECT raw.unit_raw, u.id AS unit_id
  FROM raw
  LEFT JOIN LATERAL (
    SELECT a.id FROM admin_unit a
    WHERE a.kind = 'former_unit'
      AND (a.id = raw.unit_raw OR a.gso_code = raw.unit_raw OR fold_vi(a.name) = fold_vi(raw.unit_raw)
           OR fold_vi(regexp_replace(a.name, '^(Xã|Phường|Thị trấn)\s+', '')) = fold_vi(raw.unit_raw))
    ORDER BY a.id LIMIT 1) u ON true
),
k AS (
  SELECT f.seq, units.unit_id, f.attrs ->> 'unit' AS unit_raw,
         (f.attrs ->> 'mapSheetNo')::integer AS sheet, (f.attrs ->> 'parcelNo')::integer AS pno,
         f.attrs ->> 'landUseCode' AS land_use
  FROM import_feature f
  LEFT JOIN units ON units.unit_raw = f.attrs ->> 'unit'
  WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3
),
c AS (
  SELECT k.*, p.id AS target_id, p.version AS target_version, lu.code IS NOT NULL AS land_use_known,
         CASE WHEN k.unit_id IS NOT NULL AND k.sheet IS NOT NULL AND k.pno IS NOT NULL
              THEN k.unit_id || ' ' || k.sheet || '/' || k.pno END AS key
  FROM k
  LEFT JOIN parcel p ON p.former_unit_id = k.unit_id AND p.map_sheet_no = k.sheet AND p.parcel_no = k.pno
  LEFT JOIN land_use_type lu ON lu.code = k.land_use
)
UPDATE import_feature f
SET key = c.key, target_id = c.target_id, target_version = c.target_version,
    attrs = f.attrs || jsonb_build_object('unitId', c.unit_id),
    reasons = f.reasons || array_remove(array[
      CASE WHEN c.unit_raw IS NULL THEN 'key_missing' WHEN c.unit_id IS NULL THEN 'unit_unknown' END,
      CASE WHEN (c.land_use IS NOT NULL AND NOT c.land_use_known) OR (c.land_use IS NULL AND c.target_id IS NULL)
           THEN 'land_use_unknown' END], NULL)
FROM c
WHERE f.job_id = $1::uuid AND f.seq = c.seq
