-- Every report figure the database can compute, computed now; one row, one column per figure id.
-- Areas: planar in VN-2000 / TM-3 105°30' (EPSG:9209) via area_vn2000_m2(); km² = m² / 1e6, ha = m² / 1e4.
WITH
ward AS (SELECT geom, population FROM admin_unit WHERE kind = 'ward' LIMIT 1),
fu AS (SELECT id, area_vn2000_m2(geom) AS m2 FROM admin_unit WHERE kind = 'former_unit'),
cluster AS (
  SELECT p.id, p.geom FROM plan_project p
  WHERE p.code = (SELECT value FROM dataset_info WHERE key = 'an_phu_cluster_code')
),
clearance AS (
  SELECT r.step, area_vn2000_m2(overlay_intersection(pa.geom, c.geom)) AS m2
  FROM cluster c
  JOIN clearance_record r ON r.project_id = c.id
  JOIN parcel pa ON pa.id = r.parcel_id
),
cert AS (SELECT count(*) AS n, count(*) FILTER (WHERE digitised) AS digitised FROM certificate),
lease AS (
  SELECT count(*) FILTER (WHERE kind = 'public_land') AS n,
         sum(area_m2) FILTER (WHERE kind = 'public_land') AS m2,
         count(*) FILTER (WHERE kind = 'riverside_wharf') AS wharf,
         count(*) FILTER (WHERE kind = 'riverside_wharf' AND status = 'expired') AS wharf_expired
  FROM lease_contract
),
rel AS (
  SELECT count(*) AS n,
         count(*) FILTER (WHERE site_type = 'dinh') AS dinh, count(*) FILTER (WHERE site_type = 'chua') AS chua,
         count(*) FILTER (WHERE site_type = 'den') AS den, count(*) FILTER (WHERE site_type = 'mieu') AS mieu,
         count(*) FILTER (WHERE site_type = 'nghe') AS nghe,
         count(*) FILTER (WHERE relic_rank = 'national') AS national, count(*) FILTER (WHERE relic_rank = 'city') AS city,
         count(*) FILTER (WHERE relic_rank = 'unranked') AS unranked
  FROM heritage_site
),
sch AS (SELECT count(*) AS n, count(*) FILTER (WHERE standard_level >= 1) AS l1,
               count(*) FILTER (WHERE standard_level = 2) AS l2 FROM school),
proj AS (SELECT count(*) AS n, sum(area_vn2000_m2(geom)) AS m2 FROM plan_project),
tdp AS (SELECT count(*) AS n FROM admin_unit WHERE kind = 'residential_group')
SELECT
  round((SELECT area_vn2000_m2(geom) / 1e6 FROM ward)::numeric, 3)                AS ward_area_km2,
  (SELECT population FROM ward)                                                  AS population_total,
  (SELECT nullif(n, 0) FROM tdp)                                                  AS residential_groups,
  (SELECT nullif(n, 0) FROM tdp)                                                  AS residential_areas_reported,
  round((SELECT m2 / 1e6 FROM fu WHERE id = 'hiep-hoa')::numeric, 3)             AS area_hiep_hoa_km2,
  round((SELECT m2 / 1e6 FROM fu WHERE id = 'thuong-quan')::numeric, 3)          AS area_thuong_quan_km2,
  round((SELECT m2 / 1e6 FROM fu WHERE id = 'an-phu')::numeric, 3)               AS area_an_phu_km2,
  round((SELECT sum(area_vn2000_m2(geom)) / 1e4 FROM parcel WHERE land_use_code = 'NTS')::numeric, 2) AS aquaculture_area_ha,
  round((SELECT 100 * sum(m2) FILTER (WHERE step = 'handed_over') / nullif(sum(m2), 0) FROM clearance)::numeric, 1)
                                                                                  AS an_phu_cluster_clearance_pct,
  (SELECT nullif(n, 0) FROM proj)                                                 AS plan_projects_count,
  round((SELECT m2 / 1e4 FROM proj)::numeric, 2)                                  AS plan_projects_area_ha,
  (SELECT nullif(n, 0) FROM lease)                                                AS lease_contracts_count,
  round((SELECT m2 / 1e4 FROM lease)::numeric, 2)                                 AS lease_contracts_area_ha,
  (SELECT nullif(wharf, 0) FROM lease)                                            AS wharf_leases_count,
  (SELECT CASE WHEN wharf > 0 THEN wharf_expired END FROM lease)                  AS wharf_leases_expired,
  (SELECT nullif(count(*), 0) FROM backlog_case WHERE resolved_at IS NULL)        AS first_cert_backlog,
  (SELECT nullif(n, 0) FROM cert)                                                 AS certificates_total,
  (SELECT CASE WHEN n > 0 THEN digitised END FROM cert)                           AS certificates_digitised,
  (SELECT round(100.0 * digitised / nullif(n, 0), 1) FROM cert)                   AS certificates_digitised_pct,
  (SELECT nullif(n, 0) FROM rel)                                                  AS religious_sites_total,
  (SELECT CASE WHEN n > 0 THEN dinh END FROM rel)                                 AS religious_dinh,
  (SELECT CASE WHEN n > 0 THEN chua END FROM rel)                                 AS religious_chua,
  (SELECT CASE WHEN n > 0 THEN den END FROM rel)                                  AS religious_den,
  (SELECT CASE WHEN n > 0 THEN mieu END FROM rel)                                 AS religious_mieu,
  (SELECT CASE WHEN n > 0 THEN nghe END FROM rel)                                 AS religious_nghe,
  (SELECT CASE WHEN n > 0 THEN national END FROM rel)                             AS relics_national,
  (SELECT CASE WHEN n > 0 THEN city END FROM rel)                                 AS relics_city,
  (SELECT CASE WHEN n > 0 THEN unranked END FROM rel)                             AS relics_unranked,
  (SELECT nullif(n, 0) FROM sch)                                                  AS schools_total,
  (SELECT CASE WHEN n > 0 THEN l1 END FROM sch)                                   AS schools_standard_level1,
  (SELECT CASE WHEN n > 0 THEN l2 END FROM sch)                                   AS schools_standard_level2
