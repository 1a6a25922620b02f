-- Area handed over (bàn giao mặt bằng) per month of the step date, all projects and the An Phụ cluster alone;
-- m² of the parcel inside the footprint, planar EPSG:9209. Months without a handover are absent.
SELECT to_char(date_trunc('month', r.step_date), 'YYYY-MM') AS month,
       count(*) AS parcels,
       round(sum(area_vn2000_m2(overlay_intersection(pa.geom, pr.geom)))::numeric, 1) AS m2,
       round(coalesce(sum(area_vn2000_m2(overlay_intersection(pa.geom, pr.geom)))
         FILTER (WHERE pr.code = (SELECT value FROM dataset_info WHERE key = 'an_phu_cluster_code')), 0)::numeric, 1) AS cluster_m2
FROM clearance_record r
JOIN parcel pa ON pa.id = r.parcel_id
JOIN plan_project pr ON pr.id = r.project_id
WHERE r.step = 'handed_over'
GROUP BY 1
ORDER BY 1
