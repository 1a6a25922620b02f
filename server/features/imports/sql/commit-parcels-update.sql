-- Commit ($1 job id): change the parcels the import updates — geometry, and the attributes the file gives (the
-- others stay) — only where the version is still the one previewed (the caller compares the row count). The
-- parcel record now comes from the land office's file, so it is no longer demo data.
UPDATE parcel p
SET geom = ST_Multi(f.geom),
    land_use_code = coalesce(f.attrs ->> 'landUseCode', p.land_use_code),
    legal_area_m2 = coalesce((f.attrs ->> 'legalAreaM2')::numeric, p.legal_area_m2),
    address = coalesce(f.attrs ->> 'address', p.address),
    demo = false, version = p.version + 1, updated_at = now()
FROM import_feature f
WHERE f.job_id = $1::uuid AND f.action = 'update' AND p.id = f.target_id AND p.version = f.target_version
