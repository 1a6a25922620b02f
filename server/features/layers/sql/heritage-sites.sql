-- Layer 'heritage-sites': the 36 places of worship and relics (names from the report, positions demo). $1..$4 bbox.
SELECT coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', h.id,
         'geometry', ST_AsGeoJSON(h.geom, 7)::json,
         'properties', json_build_object('id', h.id, 'demo', h.demo, 'name', h.name, 'type', h.site_type,
           'rank', h.relic_rank, 'village', h.village, 'formerUnit', h.former_unit_id,
           'reportFootnote', h.report_footnote, 'note', h.note))), '[]')::text AS features,
       coalesce(bool_or(h.demo), false) AS demo
FROM heritage_site h
WHERE $1::float8 IS NULL OR h.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
