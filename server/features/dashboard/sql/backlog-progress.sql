-- The first-certificate backlog (cấp GCN lần đầu): cases on record, resolved, open, and certificates issued on
-- backlog parcels since their case opened. One row.
SELECT count(*) AS cases,
       count(b.resolved_at) AS resolved,
       count(*) FILTER (WHERE b.resolved_at IS NULL) AS open,
       (SELECT count(*) FROM certificate c JOIN backlog_case x ON x.parcel_id = c.parcel_id
         WHERE c.issue_date >= x.opened_at) AS issued
FROM backlog_case b
