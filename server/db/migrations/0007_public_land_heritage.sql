-- Public-land lease contracts (hợp đồng thuê đất công ích, bến bãi ngoài đê), heritage sites, schools, roads.
CREATE TABLE lease_contract (
  id          bigserial PRIMARY KEY,
  contract_no text NOT NULL UNIQUE,
  parcel_id   bigint NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  party_id    bigint NOT NULL REFERENCES party (id),
  kind        text NOT NULL CHECK (kind IN ('public_land', 'riverside_wharf')),
  purpose     text NOT NULL,
  area_m2     numeric(12, 1) NOT NULL CHECK (area_m2 > 0),
  start_date  date NOT NULL,
  end_date    date NOT NULL,
  status      text NOT NULL CHECK (status IN ('active', 'expired')),
  demo        boolean NOT NULL DEFAULT false
);
CREATE INDEX lease_contract_parcel_idx ON lease_contract (parcel_id);

-- Cơ sở tín ngưỡng, tôn giáo and relics (di tích) with their rank.
CREATE TABLE heritage_site (
  id             bigserial PRIMARY KEY,
  name           text NOT NULL,
  site_type      text NOT NULL CHECK (site_type IN ('dinh', 'chua', 'den', 'mieu', 'nghe')),
  relic_rank     text NOT NULL CHECK (relic_rank IN ('national', 'city', 'unranked')),
  village        text,
  former_unit_id text REFERENCES admin_unit (id),
  parcel_id      bigint REFERENCES parcel (id) ON DELETE SET NULL,
  report_footnote smallint CHECK (report_footnote IN (2, 3, 4)), -- the report footnote naming it (NULL: not named)
  note           text,                            -- e.g. why the counted type differs from the name
  demo           boolean NOT NULL DEFAULT false,  -- the position is synthetic
  geom           geometry(Point, 4326) NOT NULL
);
CREATE INDEX heritage_site_geom_idx ON heritage_site USING gist (geom);

CREATE TABLE school (
  id             bigserial PRIMARY KEY,
  name           text NOT NULL,
  level          text NOT NULL CHECK (level IN ('preschool', 'primary', 'lower_secondary')),
  standard_level smallint NOT NULL CHECK (standard_level IN (1, 2)),  -- chuẩn quốc gia mức độ I / II
  former_unit_id text REFERENCES admin_unit (id),
  parcel_id      bigint REFERENCES parcel (id) ON DELETE SET NULL,
  demo           boolean NOT NULL DEFAULT false,
  geom           geometry(Point, 4326) NOT NULL
);
CREATE INDEX school_geom_idx ON school USING gist (geom);

CREATE TABLE road (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  road_class  text NOT NULL CHECK (road_class IN ('provincial', 'district', 'ward', 'village')),
  demo        boolean NOT NULL DEFAULT false,
  geom        geometry(LineString, 4326) NOT NULL
);
CREATE INDEX road_geom_idx ON road USING gist (geom);

CREATE TABLE encroachment_hotspot (
  id      bigserial PRIMARY KEY,
  road_id bigint NOT NULL REFERENCES road (id) ON DELETE CASCADE,
  note    text,
  demo    boolean NOT NULL DEFAULT false,
  geom    geometry(Point, 4326) NOT NULL
);
