-- Capability probe at the first tile request: succeeds where PostGIS can encode MVT (built with protobuf-c),
-- fails on the embedded PGlite PostGIS ("Compiled without protobuf-c support").
SELECT length(ST_AsMVT(t)) AS n
FROM (SELECT ST_AsMVTGeom(ST_Point(0, 0, 3857), ST_TileEnvelope(0, 0, 0)) AS geom) t
