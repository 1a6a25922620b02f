-- The parcel register, filtered ($1..$6, see parcel_register_filtered in 0010), sorted by an allow-listed key
-- ($7: key · landUse · area · status · reason · openedAt · group; $8: asc · desc), paged ($9 limit, NULL = all;
-- $10 offset). Areas in m² from the land register. holder_names is personal data (filtered by the route).
SELECT r.id, r.former_unit_id, r.map_sheet_no, r.parcel_no, r.land_use_code, r.legal_area_m2,
       r.residential_group_id, r.residential_group, r.cert_status, r.backlog_reason, r.backlog_note,
       r.opened_at, r.digitised, r.serials, r.issue_date, r.holder_names, r.version, r.demo
FROM parcel_register_filtered($1, $2, $3, $4, $5, $6) r
ORDER BY
  CASE WHEN $7 = 'landUse' AND $8 = 'asc' THEN r.land_use_code END ASC,
  CASE WHEN $7 = 'landUse' AND $8 = 'desc' THEN r.land_use_code END DESC,
  CASE WHEN $7 = 'area' AND $8 = 'asc' THEN r.legal_area_m2 END ASC,
  CASE WHEN $7 = 'area' AND $8 = 'desc' THEN r.legal_area_m2 END DESC,
  CASE WHEN $7 = 'status' AND $8 = 'asc' THEN r.cert_status END ASC,
  CASE WHEN $7 = 'status' AND $8 = 'desc' THEN r.cert_status END DESC,
  CASE WHEN $7 = 'reason' AND $8 = 'asc' THEN r.backlog_reason END ASC NULLS LAST,
  CASE WHEN $7 = 'reason' AND $8 = 'desc' THEN r.backlog_reason END DESC NULLS LAST,
  CASE WHEN $7 = 'openedAt' AND $8 = 'asc' THEN r.opened_at END ASC NULLS LAST,
  CASE WHEN $7 = 'openedAt' AND $8 = 'desc' THEN r.opened_at END DESC NULLS LAST,
  CASE WHEN $7 = 'group' AND $8 = 'asc' THEN r.residential_group END ASC NULLS LAST,
  CASE WHEN $7 = 'group' AND $8 = 'desc' THEN r.residential_group END DESC NULLS LAST,
  CASE WHEN $8 = 'desc' THEN r.former_unit_id END DESC,
  CASE WHEN $8 = 'desc' THEN r.map_sheet_no END DESC,
  CASE WHEN $8 = 'desc' THEN r.parcel_no END DESC,
  r.former_unit_id, r.map_sheet_no, r.parcel_no
LIMIT $9 OFFSET $10
