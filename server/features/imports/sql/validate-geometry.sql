-- Geometry checks of the staged features $2 <= seq <= $3 of job $1 (chunked: see pipeline.ts), for any layer:
-- validity (with PostGIS's reason), the mapped area (m², planar EPSG:9209) of valid ones (under 0.1 m²:
-- area_invalid, a sliver no register holds), and whether each lies in the ward — a point on its surface within
-- 0.0005° (≈ 50 m) of the ward polygon: the ward boundary comes from OpenStreetMap, not a cadastral survey, so a
-- strict overlay would reject true boundary parcels. Rows whose geometry Node already refused are skipped; the
-- CASEs keep GEOS away from invalid input.
UPDATE import_feature f
SET reasons = f.reasons || CASE
      WHEN NOT ST_IsValid(f.geom) THEN array['geometry_invalid']
      WHEN NOT ST_DWithin(w.geom, ST_PointOnSurface(f.geom), 0.0005) THEN array['outside_ward'] -- before the area: a file
      WHEN area_vn2000_m2(f.geom) < 0.1 THEN array['area_invalid']                              -- in the wrong CRS is far off
      ELSE '{}'::text[] END,
    detail = CASE WHEN NOT ST_IsValid(f.geom) THEN ST_IsValidReason(f.geom) ELSE f.detail END,
    mapped_area = CASE WHEN ST_IsValid(f.geom) THEN area_vn2000_m2(f.geom) END
FROM (SELECT 1) one
LEFT JOIN (SELECT geom FROM admin_unit WHERE kind = 'ward' ORDER BY id LIMIT 1) w ON true
WHERE f.job_id = $1::uuid AND f.seq BETWEEN $2 AND $3 AND f.geom IS NOT NULL
  AND NOT (f.reasons && array['geometry_missing', 'geometry_not_polygon', 'coordinates_out_of_range', 'geometry_invalid'])
