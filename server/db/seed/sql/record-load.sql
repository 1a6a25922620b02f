-- One audit entry for a bulk load ($1 actor, $2 entity, $3 summary JSON).
INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES ($1, 'load', $2, NULL, NULL, $3::jsonb)
