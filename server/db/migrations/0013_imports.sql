-- Imports (issue 8): a job per uploaded file, and the file's features staged here — transformed to EPSG:4326,
-- mapped to the layer's attributes, checked and classified (add / update / unchanged / reject) — until the user
-- commits them in one transaction or discards them. Staging lives in the database, not in memory, so a 100 000-
-- parcel file is validated by PostGIS set-wise and never held whole by Node. Not audited: nothing here is the
-- register until the commit, whose writes to parcel / plan_project the audit triggers record as usual.
CREATE TABLE import_job (
  id           uuid PRIMARY KEY,
  layer        text NOT NULL CHECK (layer IN ('parcels', 'projects')),
  file_name    text NOT NULL,
  size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
  format       text CHECK (format IN ('geojson', 'shp', 'gpkg', 'csv', 'dxf')),
  state        text NOT NULL CHECK (state IN ('reading', 'validating', 'ready', 'committing', 'committed', 'failed', 'discarded')),
  progress     jsonb,                          -- {phase, done, total, unit}
  options      jsonb NOT NULL,                 -- ImportOptions as parsed (crs choice, default unit, sheet, mapping)
  crs          jsonb,                          -- ResolvedCrs
  fields       jsonb NOT NULL DEFAULT '[]',    -- the file's attribute columns
  mapping      jsonb NOT NULL DEFAULT '{}',    -- target field -> source column
  counts       jsonb,                          -- ImportCounts
  extent       jsonb,                          -- [minLon, minLat, maxLon, maxLat]
  error        jsonb,                          -- {code, message} of a file-level failure
  created_by   text NOT NULL,                  -- username (a job is visible to its creator only)
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz
);
CREATE INDEX import_job_user_idx ON import_job (created_by, created_at DESC);

CREATE TABLE import_feature (
  job_id         uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
  seq            integer NOT NULL,                -- order in the file, from 1
  source_ref     text NOT NULL,                   -- where it is in the file, for the user
  attrs          jsonb NOT NULL,                  -- mapped attributes, typed (numbers as numbers), see pipeline
  geom           geometry(Geometry, 4326),        -- NULL when missing or unusable (reasons say why)
  reasons        text[] NOT NULL DEFAULT '{}',    -- ImportRejectReason codes
  warnings       text[] NOT NULL DEFAULT '{}',    -- ImportWarning codes
  detail         text,                            -- PostGIS's validity reason, or what was unreadable
  action         text CHECK (action IN ('add', 'update', 'unchanged', 'reject')),
  key            text,                            -- 'an-phu 901/3' or a project code
  target_id      bigint,                          -- the existing feature an update changes
  target_version integer,                         -- its version at preview time (stale check at commit)
  mapped_area    double precision,                -- m² planar EPSG:9209 (parcels) or ha (projects)
  PRIMARY KEY (job_id, seq)
);
CREATE INDEX import_feature_geom_idx ON import_feature USING gist (geom);
CREATE INDEX import_feature_key_idx ON import_feature (job_id, key);
CREATE INDEX import_feature_action_idx ON import_feature (job_id, action);
