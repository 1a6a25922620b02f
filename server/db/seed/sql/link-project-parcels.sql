-- Link every demo project to the parcels its footprint covers by more than 1 m² (the recovery list).
INSERT INTO project_parcel (project_id, parcel_id, relation)
SELECT pr.id, pa.id, 'recovery'
FROM plan_project pr
JOIN parcel pa ON pa.geom && pr.geom AND ST_Intersects(pa.geom, pr.geom)
WHERE pr.demo AND area_vn2000_m2(overlay_intersection(pa.geom, pr.geom)) > 1
ON CONFLICT DO NOTHING
