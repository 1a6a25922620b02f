-- Changes project $1 if it is still at version $2 (optimistic concurrency); NULL parameters keep the value.
-- $10: new footprint GeoJSON in EPSG:4326 (already checked), or NULL. No row back = missing or changed meanwhile.
UPDATE plan_project SET
  name            = coalesce($3, name),
  project_type    = coalesce($4, project_type),
  status          = coalesce($5, status),
  decision_no     = coalesce($6, decision_no),
  decision_date   = coalesce($7::date, decision_date),
  planned_area_ha = coalesce($8::numeric, planned_area_ha),
  former_unit_id  = coalesce($9, former_unit_id),
  geom            = coalesce(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($10::text), 4326)), geom),
  version         = version + 1,
  updated_at      = now()
WHERE id = $1 AND version = $2
RETURNING id, version
