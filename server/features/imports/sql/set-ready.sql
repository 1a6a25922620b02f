-- Sum up a classified job ($1 id) and open it for review: counts by action, features with warnings, each reason
-- and warning with its count (stored with the counts, so a poll does not recount 100 000 rows), and the extent
-- (EPSG:4326) of its features. $2: an error to show alongside (a commit that failed), or null.
WITH f AS (SELECT action, reasons, warnings, geom FROM import_feature WHERE job_id = $1::uuid),
n AS (
  SELECT count(*) AS total, count(*) FILTER (WHERE action = 'add') AS add, count(*) FILTER (WHERE action = 'update') AS upd,
         count(*) FILTER (WHERE action = 'unchanged') AS same, count(*) FILTER (WHERE action = 'reject') AS rej,
         count(*) FILTER (WHERE cardinality(warnings) > 0) AS warned, ST_Extent(geom) AS box
  FROM f
),
r AS (SELECT coalesce(jsonb_object_agg(code, n), '{}') AS j FROM (SELECT x AS code, count(*) AS n FROM f, unnest(f.reasons) x GROUP BY x) a),
w AS (SELECT coalesce(jsonb_object_agg(code, n), '{}') AS j FROM (SELECT x AS code, count(*) AS n FROM f, unnest(f.warnings) x GROUP BY x) a)
UPDATE import_job
SET state = 'ready', progress = NULL, error = $2, updated_at = now(),
    counts = jsonb_build_object('total', n.total, 'add', n.add, 'update', n.upd, 'unchanged', n.same, 'reject', n.rej,
                                'warned', n.warned, 'reasons', r.j, 'warnings', w.j),
    extent = CASE WHEN n.box IS NOT NULL
                  THEN jsonb_build_array(ST_XMin(n.box), ST_YMin(n.box), ST_XMax(n.box), ST_YMax(n.box)) END
FROM n, r, w
WHERE import_job.id = $1::uuid
