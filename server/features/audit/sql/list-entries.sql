-- A page of the audit log, newest first. $1 entity, $2 entity id, $3 actor, $4 from (timestamptz),
-- $5 to: a date means up to the end of that day, a timestamp is exclusive; $6 limit, $7 offset. Null: no filter.
SELECT id, at, actor, action, entity, entity_id, before, after
  FROM audit_log
 WHERE ($1::text IS NULL OR entity = $1)
   AND ($2::text IS NULL OR entity_id = $2)
   AND ($3::text IS NULL OR actor = $3)
   AND ($4::timestamptz IS NULL OR at >= $4::timestamptz)
   AND ($5::text IS NULL OR at < CASE WHEN length($5::text) = 10 THEN ($5::date + 1)::timestamptz ELSE $5::timestamptz END)
 ORDER BY id DESC
 LIMIT $6 OFFSET $7
