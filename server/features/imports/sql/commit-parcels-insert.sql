-- Commit ($1 job id): add the new parcels, ids after the largest (the table is locked: lock-parcels.sql), in file
-- order. Without a legal area in the file the mapped area (m², planar EPSG:9209) is used — the preview warned.
INSERT INTO parcel (id, former_unit_id, map_sheet_no, parcel_no, land_use_code, legal_area_m2, address, demo, geom)
SELECT m.max_id + row_number() OVER (ORDER BY f.seq), f.attrs ->> 'unitId', (f.attrs ->> 'mapSheetNo')::integer,
       (f.attrs ->> 'parcelNo')::integer, f.attrs ->> 'landUseCode',
       coalesce((f.attrs ->> 'legalAreaM2')::numeric, round(f.mapped_area::numeric, 1)), f.attrs ->> 'address', false,
       ST_Multi(f.geom)
FROM import_feature f, (SELECT coalesce(max(id), 0) AS max_id FROM parcel) m
WHERE f.job_id = $1::uuid AND f.action = 'add'
