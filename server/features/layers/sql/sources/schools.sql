-- Layer 'schools' (map, OGC collection, tiles, export): the schools (names from the report where given, positions demo), the map layer.
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT s.id, s.demo, s.geom,
       json_build_object('id', s.id, 'demo', s.demo, 'name', s.name, 'level', s.level,
         'standardLevel', s.standard_level, 'formerUnit', s.former_unit_id) AS properties
FROM school s
