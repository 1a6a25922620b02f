-- Layer 'heritage-sites' (map, OGC collection, tiles, export): places of worship and relics (names from the report, positions demo),
-- A source: one row per feature (id, demo, properties json, geom EPSG:4326).
SELECT h.id, h.demo, h.geom,
       json_build_object('id', h.id, 'demo', h.demo, 'name', h.name, 'type', h.site_type,
         'rank', h.relic_rank, 'village', h.village, 'formerUnit', h.former_unit_id,
         'reportFootnote', h.report_footnote, 'note', h.note) AS properties
FROM heritage_site h
