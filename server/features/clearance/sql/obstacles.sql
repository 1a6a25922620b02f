-- Stuck parcels (not handed over, with an obstacle) by obstacle type, all projects; m² inside the footprint, EPSG:9209.
SELECT r.obstacle, count(*) AS parcels, sum(r.households) AS households,
       round(sum(area_vn2000_m2(overlay_intersection(pa.geom, pr.geom)))::numeric, 1) AS m2
FROM clearance_record r
JOIN parcel pa ON pa.id = r.parcel_id
JOIN plan_project pr ON pr.id = r.project_id
WHERE r.step <> 'handed_over' AND r.obstacle IS NOT NULL
GROUP BY r.obstacle
ORDER BY count(*) DESC, r.obstacle
