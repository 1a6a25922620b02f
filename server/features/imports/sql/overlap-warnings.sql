-- Parcels (the features $2 ≤ seq ≤ $3 of job $1): warn when a feature to be added or updated overlaps by more than 1 m² (planar EPSG:9209)
-- a registered parcel that the file does not itself update — two parcels would then claim the same ground.
-- Bounding boxes first (index), the area through overlay_intersection (see 0002: the embedded PostGIS drops
-- rows on floating overlays).
UPDATE import_feature f
SET warnings = f.warnings || array['overlaps_existing']
WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3 AND f.action IN ('add', 'update')
  AND EXISTS (
    SELECT 1 FROM parcel p
    WHERE p.geom && f.geom AND p.id IS DISTINCT FROM f.target_id
      AND NOT EXISTS (SELECT 1 FROM import_feature o
                      WHERE o.job_id = f.job_id AND o.target_id = p.id AND o.action IN ('update', 'unchanged'))
      AND ST_Intersects(p.geom, f.geom)
      AND area_vn2000_m2(overlay_intersection(p.geom, f.geom)) > 1)
