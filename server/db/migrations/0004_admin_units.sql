-- Administrative units (LADM LA_SpatialUnit hierarchy): the 2025 ward, the three former units it was formed from
-- (clipped to the ward: only part of xã Thượng Quận joined), the 16 tổ dân phố, and the neighbouring wards.
CREATE TABLE admin_unit (
  id                text PRIMARY KEY,                   -- 'tran-lieu', 'an-phu', 'tdp-01', 'ward-10726' …
  kind              text NOT NULL CHECK (kind IN ('ward', 'former_unit', 'residential_group', 'neighbour_ward')),
  name              text NOT NULL,                      -- 'Phường Trần Liễu', 'Xã Hiệp Hòa', 'Tổ dân phố Huề Trì'
  unit_type         text,                               -- 'phường' | 'xã' | 'tổ dân phố'
  parent_id         text REFERENCES admin_unit (id),
  gso_code          text,                               -- GSO unit code
  official_area_km2 numeric(8, 2),                      -- the official figure (report / sapnhap.bando.com.vn)
  population        integer,                            -- the official figure
  partial           boolean NOT NULL DEFAULT false,     -- only part of the unit lies in the ward
  demo              boolean NOT NULL DEFAULT false,     -- synthetic (the tổ dân phố polygons are)
  source            text NOT NULL,
  geom              geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX admin_unit_geom_idx ON admin_unit USING gist (geom);
CREATE INDEX admin_unit_kind_idx ON admin_unit (kind);

-- Point features of the administrative layer (the ward People's Committee seat).
CREATE TABLE admin_point (
  id      text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES admin_unit (id),
  name    text NOT NULL,
  demo    boolean NOT NULL DEFAULT false,
  source  text NOT NULL,
  geom    geometry(Point, 4326) NOT NULL
);
