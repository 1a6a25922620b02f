-- Layer 'ward' (map, OGC collection, tiles, export): the 2025 ward polygon; same properties as the map layer .
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326), wrapped by ../items.sql etc.
SELECT u.id, u.demo, u.geom,
       json_build_object('id', u.id, 'demo', u.demo, 'name', u.name, 'gsoCode', u.gso_code,
         'officialAreaKm2', u.official_area_km2, 'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3),
         'population', u.population) AS properties
FROM admin_unit u
WHERE u.kind = 'ward'
