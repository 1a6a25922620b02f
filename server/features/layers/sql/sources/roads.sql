-- Layer 'roads' (map, OGC collection, tiles, export): named roads (demo alignments), the map layer. Length m, planar EPSG:9209.
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT r.id, r.demo, r.geom,
       json_build_object('id', r.id, 'demo', r.demo, 'name', r.name, 'roadClass', r.road_class,
         'lengthM', round(ST_Length(ST_Transform(r.geom, 9209))::numeric, 0),
         'encroachmentHotspots', (SELECT count(*) FROM encroachment_hotspot h WHERE h.road_id = r.id)) AS properties
FROM road r
