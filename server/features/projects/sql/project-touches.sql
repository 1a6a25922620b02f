-- What project $1's footprint touches, computed live from geometry (one row): every parcel whose overlap is at
-- least 0.01 m² (a shared edge is not an overlap) with the overlapped area, the area by land-use code, the
-- distinct land users (the State is not one) and households holding rights on them, and the backlog parcels.
-- Areas: m², planar in VN-2000 / TM-3 105°30' (EPSG:9209); overlays through overlay_intersection (see 0002).
WITH p AS (SELECT geom FROM plan_project WHERE id = $1),
hit AS (
  SELECT c.id, c.former_unit_id, c.map_sheet_no, c.parcel_no, c.land_use_code,
         area_vn2000_m2(c.geom) AS parcel_m2, area_vn2000_m2(overlay_intersection(c.geom, p.geom)) AS m2
  FROM parcel c JOIN p ON c.geom && p.geom AND ST_Intersects(c.geom, p.geom)
),
touched AS (
  SELECT h.*, s.cert_status FROM hit h JOIN parcel_status s ON s.parcel_id = h.id WHERE h.m2 >= 0.01
),
holders AS (
  SELECT DISTINCT r.parcel_id, s.id AS party_id, s.kind, s.name
  FROM land_right r JOIN party s ON s.id = r.party_id
  WHERE r.parcel_id IN (SELECT id FROM touched)
)
SELECT
  coalesce((SELECT json_agg(json_build_object(
      'parcelId', t.id, 'formerUnit', t.former_unit_id, 'mapSheetNo', t.map_sheet_no, 'parcelNo', t.parcel_no,
      'landUseCode', t.land_use_code, 'parcelAreaM2', round(t.parcel_m2::numeric, 2),
      'intersectAreaM2', round(t.m2::numeric, 2), 'certStatus', t.cert_status,
      'holders', coalesce((SELECT json_agg(json_build_object('partyKind', h.kind, 'partyName', h.name) ORDER BY h.party_id)
                           FROM holders h WHERE h.parcel_id = t.id), '[]'::json))
    ORDER BY t.m2 DESC, t.id) FROM touched t), '[]'::json) AS parcels,
  coalesce((SELECT json_agg(json_build_object('code', a.land_use_code, 'nameVi', u.name_vi, 'nameEn', u.name_en,
      'areaM2', round(a.m2::numeric, 2), 'parcels', a.n) ORDER BY a.m2 DESC)
    FROM (SELECT land_use_code, sum(m2) AS m2, count(*) AS n FROM touched GROUP BY land_use_code) a
    JOIN land_use_type u ON u.code = a.land_use_code), '[]'::json) AS by_land_use,
  round((SELECT coalesce(sum(m2), 0) FROM touched)::numeric, 2) AS touched_m2,
  (SELECT count(DISTINCT party_id) FROM holders WHERE kind <> 'state') AS land_users,
  (SELECT count(DISTINCT party_id) FROM holders WHERE kind = 'household') AS households,
  (SELECT count(*) FROM touched WHERE cert_status = 'backlog') AS backlog_parcels
