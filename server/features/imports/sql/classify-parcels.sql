-- Parcels ($1 job id): resolve the former unit (its id, its GSO code, or its name with or without 'Xã'/'Phường',
-- accents ignored), build the cadastral key (unit + số tờ + số thửa), find the parcel it updates, and decide each
-- feature's action with the rejections and warnings that need the register:
--   unit_unknown · key_missing (no unit) · duplicate_key (the key twice in the file: every copy, since which one
--   is right cannot be told) · land_use_unknown (a code not in land_use_type, or none for a new parcel);
--   unchanged = same attributes where the file gives them and a geometry within 1e-7° (≈ 1 cm, Hausdorff);
--   warnings area_from_geometry (new parcel without a legal area: the mapped area is used) and area_mismatch
--   (legal area and mapped area differ by more than 10 %).
WITH k AS (
  SELECT f.seq, f.reasons, f.warnings, f.geom, f.mapped_area, u.id AS unit_id, f.attrs ->> 'unit' AS unit_raw,
         (f.attrs ->> 'mapSheetNo')::integer AS sheet, (f.attrs ->> 'parcelNo')::integer AS pno,
         f.attrs ->> 'landUseCode' AS land_use, (f.attrs ->> 'legalAreaM2')::numeric AS legal_area,
         f.attrs ->> 'address' AS address
  FROM import_feature f
  LEFT JOIN LATERAL (
    SELECT a.id FROM admin_unit a
    WHERE a.kind = 'former_unit'
      AND (a.id = f.attrs ->> 'unit' OR a.gso_code = f.attrs ->> 'unit'
           OR fold_vi(a.name) = fold_vi(f.attrs ->> 'unit')
           OR fold_vi(regexp_replace(a.name, '^(Xã|Phường|Thị trấn)\s+', '')) = fold_vi(f.attrs ->> 'unit'))
    ORDER BY a.id LIMIT 1) u ON true
  WHERE f.job_id = $1::uuid
),
c AS (
  SELECT k.*,
         CASE WHEN k.unit_id IS NOT NULL AND k.sheet IS NOT NULL AND k.pno IS NOT NULL
              THEN k.unit_id || ' ' || k.sheet || '/' || k.pno END AS key,
         p.id AS target_id, p.version AS target_version, p.geom AS target_geom, p.land_use_code AS t_land_use,
         p.legal_area_m2 AS t_area, p.address AS t_address, lu.code IS NOT NULL AS land_use_known
  FROM k
  LEFT JOIN parcel p ON p.former_unit_id = k.unit_id AND p.map_sheet_no = k.sheet AND p.parcel_no = k.pno
  LEFT JOIN land_use_type lu ON lu.code = k.land_use
),
d AS (
  SELECT c.*, CASE WHEN c.key IS NOT NULL THEN count(*) OVER (PARTITION BY c.key) ELSE 1 END AS copies,
         ARRAY(SELECT DISTINCT x FROM unnest(c.reasons || array_remove(array[
           CASE WHEN c.unit_raw IS NULL THEN 'key_missing' WHEN c.unit_id IS NULL THEN 'unit_unknown' END,
           CASE WHEN (c.land_use IS NOT NULL AND NOT c.land_use_known) OR (c.land_use IS NULL AND c.target_id IS NULL)
                THEN 'land_use_unknown' END], NULL)) AS x ORDER BY x) AS base_reasons
  FROM c
),
r AS (
  SELECT d.*, CASE WHEN d.copies > 1 THEN d.base_reasons || array['duplicate_key'] ELSE d.base_reasons END AS all_reasons
  FROM d
)
UPDATE import_feature f
SET reasons = r.all_reasons,
    key = r.key,
    attrs = f.attrs || jsonb_build_object('unitId', r.unit_id),
    target_id = r.target_id,
    target_version = r.target_version,
    action = CASE
      WHEN cardinality(r.all_reasons) > 0 THEN 'reject'
      WHEN r.target_id IS NULL THEN 'add'
      WHEN ST_HausdorffDistance(r.target_geom, r.geom) < 1e-7
           AND (r.land_use IS NULL OR r.land_use = r.t_land_use)
           AND (r.legal_area IS NULL OR r.legal_area = r.t_area)
           AND (r.address IS NULL OR r.address = r.t_address) THEN 'unchanged'
      ELSE 'update' END,
    warnings = r.warnings || array_remove(array[
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.target_id IS NULL AND r.legal_area IS NULL THEN 'area_from_geometry' END,
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.mapped_area > 0 AND coalesce(r.legal_area, r.t_area) > 0
                AND abs(coalesce(r.legal_area, r.t_area) - r.mapped_area::numeric) > 0.1 * coalesce(r.legal_area, r.t_area)
           THEN 'area_mismatch' END], NULL)
FROM r
WHERE f.job_id = $1::uuid AND f.seq = r.seq
