-- numberMatched of an OGC /items request: features of one collection, optionally within a bbox given in the CRS of
-- SRID $5 ($1..$4 = minx, miny, maxx, maxy, x = easting/longitude). The envelope is transformed to EPSG:4326, the
-- storage CRS, so `geom &&` uses the GiST index; ST_Intersects then drops features whose float4 index box
-- (≈ 1 m coarse) or bounding box overlaps but whose geometry does not, as OGC's bbox means intersection. __SOURCE__ = the collection's sources/<id>.sql, spliced at load.
SELECT count(*)::int AS n
FROM (__SOURCE__) f
WHERE $1::float8 IS NULL OR (f.geom && ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5::int), 4326)
                        AND ST_Intersects(f.geom, ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5::int), 4326)))
