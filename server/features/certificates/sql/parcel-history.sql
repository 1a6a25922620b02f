-- Every audited change of a parcel, its certificates, its backlog case, its rights (deleted ones too: their
-- audit values carry parcel_id) and its current land users (parties), newest first.
-- Updates record only the changed columns, so such rows are found by entity id, not by a parcel_id in the values.
SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.before, a.after
FROM audit_log a
WHERE (a.entity = 'parcel' AND a.entity_id = $1::bigint::text)
   OR (a.entity = 'certificate' AND a.entity_id IN (SELECT id::text FROM certificate WHERE parcel_id = $1::bigint))
   OR (a.entity = 'backlog_case' AND a.entity_id IN (SELECT id::text FROM backlog_case WHERE parcel_id = $1::bigint))
   OR (a.entity = 'land_right' AND (a.entity_id IN (SELECT id::text FROM land_right WHERE parcel_id = $1::bigint)
                                    OR coalesce(a.after, a.before) ->> 'parcel_id' = $1::bigint::text))
   OR (a.entity = 'party' AND a.entity_id IN (SELECT party_id::text FROM land_right WHERE parcel_id = $1::bigint))
ORDER BY a.at DESC, a.id DESC
LIMIT 200
