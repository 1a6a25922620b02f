-- Layer 'former-units' (map, OGC collection, tiles, export): the three former units clipped to the ward .
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326). Areas km², planar EPSG:9209.
SELECT u.id, u.demo, u.geom,
       json_build_object('id', u.id, 'demo', u.demo, 'name', u.name, 'gsoCode', u.gso_code,
         'partial', u.partial, 'officialAreaKm2', u.official_area_km2,
         'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3), 'population', u.population) AS properties
FROM admin_unit u
WHERE u.kind = 'former_unit'
