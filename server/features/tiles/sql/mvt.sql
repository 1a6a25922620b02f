-- One vector tile as MVT bytes, encoded by PostGIS (ST_AsMVT; needs PostGIS built with protobuf-c).
-- $1 z, $2 x, $3 y (XYZ scheme, EPSG:3857); $4 margin = buffer / extent (fraction of the tile side);
-- $5 MVT layer name; $6 extent (4096); $7 buffer (256), both in tile units. __SOURCE__ = the layer's source
-- (layers/sql/sources/<layer>.sql: id, demo, properties, geom EPSG:4326), spliced at load. The query box is the
-- buffered tile transformed to EPSG:4326 (exact: Mercator keeps meridians and parallels straight), so
-- `geom &&` uses the GiST index. jsonb properties become MVT tags (nulls are left out); the feature id is id.
SELECT coalesce(ST_AsMVT(t, $5::text, $6::int, 'geom', 'id'), ''::bytea) AS mvt
FROM (
  SELECT f.id, f.properties::jsonb AS properties,
         ST_AsMVTGeom(ST_Transform(f.geom, 3857), ST_TileEnvelope($1::int, $2::int, $3::int), $6::int, $7::int, true) AS geom
  FROM (__SOURCE__) f
  WHERE f.geom && ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => $4::float8), 4326)
) t
WHERE t.geom IS NOT NULL
