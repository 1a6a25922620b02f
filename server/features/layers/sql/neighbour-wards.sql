-- Layer 'neighbour-wards': the wards that share a border with Trần Liễu. $1..$4 optional bbox (EPSG:4326). Returns one row: features (JSON text), demo.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', u.id,
         'geometry', ST_AsGeoJSON(u.geom, 7)::json,
         'properties', json_build_object('id', u.id, 'demo', u.demo, 'name', u.name, 'gsoCode', u.gso_code,
           'officialAreaKm2', u.official_area_km2, 'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3),
           'population', u.population))), '[]')::text AS features,
       coalesce(bool_or(u.demo), false) AS demo
FROM admin_unit u
WHERE u.kind = 'neighbour_ward' AND ($1::float8 IS NULL OR u.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
