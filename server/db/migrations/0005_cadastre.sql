-- The cadastre in the spirit of ISO 19152 (LADM): parties (LA_Party), parcels (LA_SpatialUnit),
-- rights (LA_RRR), certificates (LA_AdministrativeSource) and the first-certificate backlog.

-- Chủ sử dụng đất: households, individuals, organisations and the State.
CREATE TABLE party (
  id         bigint PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('household', 'individual', 'organisation', 'state')),
  name       text NOT NULL,
  id_number  text,           -- personal data: CCCD number of the individual or household head
  address    text,           -- personal data for households and individuals
  demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX party_name_idx ON party (lower(name));

-- Thửa đất. The cadastral key is (former unit, số tờ, số thửa): each former unit numbered its sheets from 1.
CREATE TABLE parcel (
  id                   bigint PRIMARY KEY,
  former_unit_id       text NOT NULL REFERENCES admin_unit (id),
  map_sheet_no         integer NOT NULL CHECK (map_sheet_no > 0),   -- số tờ bản đồ
  parcel_no            integer NOT NULL CHECK (parcel_no > 0),      -- số thửa
  land_use_code        text NOT NULL REFERENCES land_use_type (code),
  legal_area_m2        numeric(12, 1) NOT NULL CHECK (legal_area_m2 > 0), -- area in the land register
  residential_group_id text REFERENCES admin_unit (id),
  address              text,
  village              text,
  demo                 boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 1,                  -- optimistic concurrency for edits
  updated_at           timestamptz NOT NULL DEFAULT now(),
  geom                 geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  CONSTRAINT parcel_cadastral_key UNIQUE (former_unit_id, map_sheet_no, parcel_no)
);
CREATE INDEX parcel_geom_idx ON parcel USING gist (geom);
CREATE INDEX parcel_land_use_idx ON parcel (land_use_code);
CREATE INDEX parcel_group_idx ON parcel (residential_group_id);

-- Quyền: land-use right (allocated/recognised), lease, or State management.
CREATE TABLE land_right (
  id         bigserial PRIMARY KEY,
  parcel_id  bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  party_id   bigint NOT NULL REFERENCES party (id),
  kind       text NOT NULL CHECK (kind IN ('ownership_use', 'lease', 'state_management')),
  share      numeric(5, 4) NOT NULL DEFAULT 1 CHECK (share > 0 AND share <= 1),
  demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX land_right_parcel_idx ON land_right (parcel_id);
CREATE INDEX land_right_party_idx ON land_right (party_id);

-- Giấy chứng nhận quyền sử dụng đất (GCN).
CREATE TABLE certificate (
  id          bigserial PRIMARY KEY,
  serial      text NOT NULL UNIQUE,          -- số phát hành, e.g. 'CS 123456'
  parcel_id   bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  party_id    bigint REFERENCES party (id),
  issue_date  date NOT NULL,
  digitised   boolean NOT NULL DEFAULT false, -- entered into the land database (số hóa)
  demo        boolean NOT NULL DEFAULT false
);
CREATE INDEX certificate_parcel_idx ON certificate (parcel_id);

-- Hồ sơ chưa được cấp GCN lần đầu, with the reason it is blocked.
CREATE TABLE backlog_case (
  id          bigserial PRIMARY KEY,
  parcel_id   bigint NOT NULL UNIQUE REFERENCES parcel (id) ON DELETE CASCADE,
  reason      text NOT NULL CHECK (reason IN ('unauthorised_allocation', 'encroachment', 'dispute', 'missing_records')),
  note        text,
  opened_at   date NOT NULL,
  resolved_at date,
  demo        boolean NOT NULL DEFAULT false
);

-- The certificate status of every parcel, derived from the records (never stored, so it cannot drift):
-- issued (has a certificate) · backlog (an open first-certificate case) · state (managed by the State:
-- roads, water, leased public land…) · unknown.
CREATE VIEW parcel_status AS
SELECT p.id AS parcel_id,
       CASE
         WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.parcel_id = p.id) THEN 'issued'
         WHEN EXISTS (SELECT 1 FROM backlog_case b WHERE b.parcel_id = p.id AND b.resolved_at IS NULL) THEN 'backlog'
         WHEN EXISTS (SELECT 1 FROM land_right r JOIN party s ON s.id = r.party_id
                      WHERE r.parcel_id = p.id AND s.kind = 'state') THEN 'state'
         ELSE 'unknown'
       END AS cert_status
FROM parcel p;
