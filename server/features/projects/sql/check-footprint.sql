-- Checks a footprint before a write (one row): $1 GeoJSON Polygon/MultiPolygon in EPSG:4326. Validity with
-- PostGIS's reason; for a valid one its area and the area outside the ward (m², planar EPSG:9209) and whether it
-- lies inside or touches the ward. The CASEs keep GEOS away from invalid input.
WITH g AS (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS geom),
w AS (SELECT geom FROM admin_unit WHERE kind = 'ward' ORDER BY id LIMIT 1),
v AS (SELECT g.geom, ST_IsValid(g.geom) AS valid FROM g)
SELECT v.valid,
       CASE WHEN NOT v.valid THEN ST_IsValidReason(v.geom) END AS invalid_reason,
       CASE WHEN v.valid THEN area_vn2000_m2(v.geom) END AS area_m2,
       CASE WHEN v.valid THEN coalesce(ST_Intersects(v.geom, w.geom), false) END AS meets_ward,
       CASE WHEN v.valid AND w.geom IS NOT NULL THEN area_vn2000_m2(overlay_difference(v.geom, w.geom)) END AS outside_m2
FROM v LEFT JOIN w ON true
