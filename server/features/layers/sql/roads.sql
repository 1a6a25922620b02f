-- Layer 'roads': named roads (demo alignments). $1..$4 optional bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', r.id,
         'geometry', ST_AsGeoJSON(r.geom, 7)::json,
         'properties', json_build_object('id', r.id, 'demo', r.demo, 'name', r.name, 'roadClass', r.road_class,
           'lengthM', round(ST_Length(ST_Transform(r.geom, 9209))::numeric, 0),
           'encroachmentHotspots', (SELECT count(*) FROM encroachment_hotspot h WHERE h.road_id = r.id)))), '[]')::text AS features,
       coalesce(bool_or(r.demo), false) AS demo
FROM road r
WHERE $1::float8 IS NULL OR r.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
