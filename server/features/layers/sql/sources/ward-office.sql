-- Layer 'ward-office' (map, OGC collection, tiles, export): the seat of the ward People's Committee .
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT p.id, p.demo, p.geom,
       json_build_object('id', p.id, 'demo', p.demo, 'name', p.name) AS properties
FROM admin_point p
