-- Progress figures computed from the records: backlog open at the baseline date $1 and now, certificates and
-- how many are digitised, parcels holding a certificate, and the report's target (%, §1.5). One row.
SELECT (SELECT count(*) FROM backlog_case WHERE opened_at <= $1 AND (resolved_at IS NULL OR resolved_at > $1)) AS baseline_open,
       (SELECT count(*) FROM backlog_case WHERE resolved_at IS NULL) AS open_now,
       (SELECT count(*) FROM certificate) AS cert_total,
       (SELECT count(*) FROM certificate WHERE digitised) AS cert_digitised,
       (SELECT count(DISTINCT parcel_id) FROM certificate) AS parcels_issued,
       (SELECT value FROM report_figure WHERE id = 'first_cert_target_pct') AS target_pct,
       current_date::text AS today
