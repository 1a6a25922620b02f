-- Imports: overlap-warnings.sql asks, for each registered parcel a staged feature overlaps, whether the same job
-- also updates that parcel — by target_id. Without this index that probe scans the job's rows each time, which
-- grows with the square of an update-heavy file.
CREATE INDEX import_feature_target_idx ON import_feature (job_id, target_id) WHERE target_id IS NOT NULL;
