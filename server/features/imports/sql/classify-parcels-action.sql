-- Parcels, step 2 of 2, for the features $2 ≤ seq ≤ $3 of job $1 (every key of the job is set by step 1):
-- duplicate_key (the key twice in the file: every copy is rejected, since which one is right cannot be told),
-- then the action — reject · add · unchanged (same attributes where the file gives them, and a geometry within
-- 1e-7° ≈ 1 cm, Hausdorff) · update — and the warnings area_from_geometry (a new parcel without a legal area:
-- the mapped area is used) and area_mismatch (legal and mapped area differ by more than 10 %).
WITH r AS (
  SELECT f.seq,
         ARRAY(SELECT DISTINCT x FROM unnest(f.reasons || CASE WHEN EXISTS (
                 SELECT 1 FROM import_feature o WHERE o.job_id = f.job_id AND o.key = f.key AND o.seq <> f.seq)
               THEN array['duplicate_key'] ELSE '{}'::text[] END) AS x ORDER BY x) AS all_reasons,
         (f.attrs ->> 'legalAreaM2')::numeric AS legal_area, f.attrs ->> 'landUseCode' AS land_use,
         f.attrs ->> 'address' AS address, f.mapped_area, f.geom, f.target_id,
         p.geom AS target_geom, p.land_use_code AS t_land_use, p.legal_area_m2 AS t_area, p.address AS t_address
  FROM import_feature f
  LEFT JOIN parcel p ON p.id = f.target_id
  WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3
)
UPDATE import_feature f
SET reasons = r.all_reasons,
    action = CASE
      WHEN cardinality(r.all_reasons) > 0 THEN 'reject'
      WHEN r.target_id IS NULL THEN 'add'
      WHEN ST_HausdorffDistance(r.target_geom, r.geom) < 1e-7
           AND (r.land_use IS NULL OR r.land_use = r.t_land_use)
           AND (r.legal_area IS NULL OR r.legal_area = r.t_area)
           AND (r.address IS NULL OR r.address = r.t_address) THEN 'unchanged'
      ELSE 'update' END,
    warnings = f.warnings || array_remove(array[
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.target_id IS NULL AND r.legal_area IS NULL THEN 'area_from_geometry' END,
      CASE WHEN cardinality(r.all_reasons) = 0 AND r.mapped_area > 0 AND coalesce(r.legal_area, r.t_area) > 0
                AND abs(coalesce(r.legal_area, r.t_area) - r.mapped_area::numeric) > 0.1 * coalesce(r.legal_area, r.t_area)
           THEN 'area_mismatch' END], NULL)
FROM r
WHERE f.job_id = $1::uuid AND f.seq = r.seq
