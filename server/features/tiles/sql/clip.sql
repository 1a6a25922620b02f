-- The features of one vector tile for encoding in Node (the embedded PostGIS has no ST_AsMVT/ST_AsMVTGeom:
-- compiled without protobuf-c): geometries clipped by PostGIS to the buffered tile, as GeoJSON in EPSG:4326.
-- $1 z, $2 x, $3 y (XYZ, EPSG:3857); $4 margin = buffer / extent. __SOURCE__ as in mvt.sql. The buffered tile in
-- EPSG:4326 is an exact lon/lat rectangle, so ST_ClipByBox2D on it equals clipping in EPSG:3857. 9 decimals
-- (≈ 0.1 mm) keep the vertices far finer than a tile unit at any zoom served.
SELECT c.id, c.properties, ST_AsGeoJSON(c.geom, 9)::json AS geometry
FROM (
  SELECT f.id, f.properties, ST_ClipByBox2D(f.geom, q.box::box2d) AS geom
  FROM (__SOURCE__) f,
       (SELECT ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => $4::float8), 4326) AS box) q
  WHERE f.geom && q.box
) c
WHERE NOT ST_IsEmpty(c.geom)
ORDER BY c.id
