-- Insert plan projects (demo) from a JSON array of DemoProject (geometry in "geojson").
INSERT INTO plan_project (id, code, name, project_type, status, decision_no, decision_date, planned_area_ha,
                          former_unit_id, demo, geom)
SELECT x.id, x.code, x.name, x.type, x.status, x."decisionNo", x."decisionDate", x."plannedAreaHa", x."formerUnitId",
       true, ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)
FROM json_to_recordset($1::json) AS x(id bigint, code text, name text, type text, status text, "decisionNo" text,
     "decisionDate" date, "plannedAreaHa" numeric, "formerUnitId" text, geojson text)
