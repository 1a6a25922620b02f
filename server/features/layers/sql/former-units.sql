-- Layer 'former-units': xã Hiệp Hòa, xã Thượng Quận (part), phường An Phụ, clipped to the ward. $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', u.id,
         'geometry', ST_AsGeoJSON(u.geom, 7)::json,
         'properties', json_build_object('id', u.id, 'demo', u.demo, 'name', u.name, 'gsoCode', u.gso_code,
           'partial', u.partial, 'officialAreaKm2', u.official_area_km2,
           'mappedAreaKm2', round((area_vn2000_m2(u.geom) / 1e6)::numeric, 3), 'population', u.population))
         ORDER BY u.id), '[]')::text AS features,
       coalesce(bool_or(u.demo), false) AS demo
FROM admin_unit u
WHERE u.kind = 'former_unit' AND ($1::float8 IS NULL OR u.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
