-- One page of a layer's features for a file export, in a chosen CRS. The FROM subquery is the layer's OGC source
-- (../../layers/sql/sources/<id>.sql: id, demo, properties json — no personal data —, geom EPSG:4326), spliced in
-- once at start. $1..$4 optional bbox minLon, minLat, maxLon, maxLat (EPSG:4326; NULL = whole layer);
-- $5 output SRID (4326, 9209, 9210); $6 decimals (7 for degrees ≈ 1 cm, 3 for metres = 1 mm).
-- Selection, every part ANDed: $7 feature ids as text (NULL = all); $8 true = apply the parcel register filter
-- $9..$14 (parcel_register_filtered, 0010: units, groups, land uses, statuses, reasons, digitised — the same
-- selection as the certificates list); $15 a plan_project id: the parcels its footprint overlaps by ≥ 0.01 m²
-- (planar VN-2000 / EPSG:9209 through overlay_intersection, the rule of ../../projects/sql/project-touches.sql).
-- Paging by keyset: $16 true = first page, else ids after $17 (typed like the layer's id); $18 page size.
-- geometry: GeoJSON text (option 0: no "crs" member); wkt: the same geometry as WKT; cx, cy: a point inside
-- the feature (ST_PointOnSurface, so a concave parcel's label point lies on it) in the output CRS; wkb: the
-- geometry as little-endian WKB at full precision and its envelope (for GeoPackage geometry blobs).
SELECT f.id::text AS id, f.properties::text AS properties,
       ST_AsGeoJSON(g.geom, $6::int, 0) AS geometry,
       ST_AsText(g.geom, $6::int) AS wkt,
       round(ST_X(ST_PointOnSurface(g.geom))::numeric, $6::int)::float8 AS cx,
       round(ST_Y(ST_PointOnSurface(g.geom))::numeric, $6::int)::float8 AS cy,
       ST_AsBinary(g.geom, 'NDR') AS wkb,
       ST_XMin(g.geom) AS xmin, ST_YMin(g.geom) AS ymin, ST_XMax(g.geom) AS xmax, ST_YMax(g.geom) AS ymax
FROM (__SOURCE__) f
CROSS JOIN LATERAL (SELECT ST_Transform(f.geom, $5::int) AS geom) g
WHERE ($1::float8 IS NULL OR (f.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
                              AND ST_Intersects(f.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))))
  AND ($7::text[] IS NULL OR f.id::text IN (SELECT unnest($7::text[])))
  AND (NOT $8::boolean OR f.id::text IN (
        SELECT r.id::text FROM parcel_register_filtered($9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::boolean) r))
  AND ($15::int IS NULL OR f.id::text IN (
        SELECT c.id::text FROM parcel c JOIN plan_project pp ON pp.id = $15::int
        WHERE c.geom && pp.geom AND ST_Intersects(c.geom, pp.geom)
          AND area_vn2000_m2(overlay_intersection(c.geom, pp.geom)) >= 0.01))
  AND ($16::boolean OR f.id > $17)
ORDER BY f.id
LIMIT $18
