-- How many audit entries match the same filters as list-entries.sql ($1…$5).
SELECT count(*) AS n
  FROM audit_log
 WHERE ($1::text IS NULL OR entity = $1)
   AND ($2::text IS NULL OR entity_id = $2)
   AND ($3::text IS NULL OR actor = $3)
   AND ($4::timestamptz IS NULL OR at >= $4::timestamptz)
   AND ($5::text IS NULL OR at < CASE WHEN length($5::text) = 10 THEN ($5::date + 1)::timestamptz ELSE $5::timestamptz END)
