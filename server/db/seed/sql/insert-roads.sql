-- Insert roads (demo) with their encroachment hotspots from a JSON array [{name, roadClass, geojson, hotspots: [geojson]}].
WITH r AS (
  INSERT INTO road (name, road_class, demo, geom)
  SELECT x.name, x."roadClass", true, ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)
  FROM json_to_recordset($1::json) AS x(name text, "roadClass" text, geojson text, hotspots json)
  RETURNING id, name
)
INSERT INTO encroachment_hotspot (road_id, note, demo, geom)
SELECT r.id, 'Lấn chiếm lòng đường, vỉa hè (báo cáo 9 tháng 2025, mục II.1)', true,
       ST_SetSRID(ST_GeomFromGeoJSON(h.value::text), 4326)
FROM json_to_recordset($1::json) AS x(name text, hotspots json)
JOIN r ON r.name = x.name
CROSS JOIN LATERAL json_array_elements(x.hotspots) AS h(value)
