-- A new project (planner); no row when the code is taken (no SQL error: the embedded database's socket
-- drops the connection after one). $9: footprint GeoJSON in EPSG:4326, already checked by check-footprint.sql.
-- The id comes from plan_project_id_seq (0011), moved past the largest id first when a load went beyond it,
-- so an id is never handed out twice, not even after a delete (the audit log refers to projects by id).
INSERT INTO plan_project (id, code, name, project_type, status, decision_no, decision_date, planned_area_ha,
                          former_unit_id, demo, geom)
VALUES ((SELECT CASE WHEN m.max_id >= s.last_value THEN setval('plan_project_id_seq', m.max_id + 1)
                     ELSE nextval('plan_project_id_seq') END
         FROM (SELECT coalesce(max(id), 0) AS max_id FROM plan_project) m, plan_project_id_seq s),
        $1, $2, $3, $4, $5, $6::date, $7, $8, false, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($9), 4326)))
ON CONFLICT (code) DO NOTHING
RETURNING id
