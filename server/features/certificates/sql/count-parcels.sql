-- Counts of the filtered register ($1..$6 as list-parcels.sql): total, per certificate status, per backlog
-- reason, digitised or not (parcels with a certificate). One row.
SELECT count(*) AS total,
       count(*) FILTER (WHERE cert_status = 'issued') AS issued,
       count(*) FILTER (WHERE cert_status = 'backlog') AS backlog,
       count(*) FILTER (WHERE cert_status = 'state') AS state,
       count(*) FILTER (WHERE cert_status = 'unknown') AS unknown,
       count(*) FILTER (WHERE backlog_reason = 'unauthorised_allocation') AS unauthorised_allocation,
       count(*) FILTER (WHERE backlog_reason = 'encroachment') AS encroachment,
       count(*) FILTER (WHERE backlog_reason = 'dispute') AS dispute,
       count(*) FILTER (WHERE backlog_reason = 'missing_records') AS missing_records,
       count(*) FILTER (WHERE digitised) AS digitised,
       count(*) FILTER (WHERE NOT digitised) AS not_digitised
FROM parcel_register_filtered($1, $2, $3, $4, $5, $6)
