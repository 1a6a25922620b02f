-- The land-use plan: projects (danh mục dự án, Kế hoạch sử dụng đất 2025 — Quyết định 442/QĐ-UBND),
-- the parcels they touch, and site-clearance (GPMB) records per parcel.
CREATE TABLE plan_project (
  id              bigint PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  project_type    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('planned', 'approved', 'clearing', 'construction', 'done')),
  decision_no     text,
  decision_date   date,
  planned_area_ha numeric(10, 4) NOT NULL CHECK (planned_area_ha > 0),
  former_unit_id  text REFERENCES admin_unit (id),
  demo            boolean NOT NULL DEFAULT false,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX plan_project_geom_idx ON plan_project USING gist (geom);

-- Parcels officially listed for a project (e.g. in the land-recovery decision). What a footprint *touches*
-- geometrically is computed live by PostGIS, never stored.
CREATE TABLE project_parcel (
  project_id bigint NOT NULL REFERENCES plan_project (id) ON DELETE CASCADE,
  parcel_id  bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  relation   text NOT NULL DEFAULT 'recovery' CHECK (relation IN ('recovery', 'affected')),
  PRIMARY KEY (project_id, parcel_id)
);
CREATE INDEX project_parcel_parcel_idx ON project_parcel (parcel_id);

CREATE TABLE clearance_record (
  id               bigserial PRIMARY KEY,
  project_id       bigint NOT NULL REFERENCES plan_project (id) ON DELETE CASCADE,
  parcel_id        bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  step             text NOT NULL CHECK (step IN ('notice', 'inventory', 'plan_approved', 'compensated', 'handed_over')),
  step_date        date NOT NULL,
  households       integer NOT NULL DEFAULT 0 CHECK (households >= 0),
  compensation_vnd bigint CHECK (compensation_vnd >= 0),
  obstacle         text CHECK (obstacle IN ('unit_price', 'dispute', 'origin_unclear', 'owner_absent')),
  demo             boolean NOT NULL DEFAULT false,
  version          integer NOT NULL DEFAULT 1,
  CONSTRAINT clearance_one_per_parcel UNIQUE (project_id, parcel_id)
);
CREATE INDEX clearance_project_idx ON clearance_record (project_id);
