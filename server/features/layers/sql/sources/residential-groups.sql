-- Layer 'residential-groups' (map, OGC collection, tiles, export): the tổ dân phố (demo polygons), the map layer.
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT u.id, u.demo, u.geom,
       json_build_object('id', u.id, 'demo', u.demo, 'name', u.name,
         'formerUnit', (SELECT f.id FROM admin_unit f WHERE f.kind = 'former_unit'
                         ORDER BY ST_Distance(f.geom, ST_PointOnSurface(u.geom)) LIMIT 1),
         'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3)) AS properties
FROM admin_unit u
WHERE u.kind = 'residential_group'
