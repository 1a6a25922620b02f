-- Spatial reference systems and spatial helper functions shared by every query.
-- VN-2000 / TM-3 zones used by the cadastral maps of the area. Neither PGlite's PostGIS nor Debian's PostGIS 3.3
-- ships them in spatial_ref_sys. TM-3 (3° zone), k = 0.9999, x0 = 500 000 m, y0 = 0, WGS 84 ellipsoid,
-- datum shift = the official 7 parameters (Thông tư 973/2001/TT-TCĐC) in proj4's position-vector convention.
--   9209: central meridian 105°30' (Hải Dương — the 2010 cadastral maps of the three former units)
--   9210: central meridian 105°45' (Hải Phòng)
-- auth_name is left NULL on purpose: with 'EPSG' PostGIS would ask PROJ's own database first and could pick a
-- different VN-2000 → WGS 84 transformation; with NULL it uses exactly the proj4 string below.
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, proj4text, srtext) VALUES
 (9209, NULL, NULL,
  '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs',
  'PROJCS["VN-2000 / TM-3 105-30",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.5],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]'),
 (9210, NULL, NULL,
  '+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs',
  'PROJCS["VN-2000 / TM-3 105-45",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.75],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]')
ON CONFLICT (srid) DO NOTHING;

-- Area in m², planar in VN-2000 / TM-3 105°30' (EPSG:9209): the way the 2010 cadastral maps measure parcels.
CREATE OR REPLACE FUNCTION area_vn2000_m2(g geometry) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ST_Area(ST_Transform(g, 9209)) $$;

-- Overlays (intersection, difference) of parcels, footprints and boundaries on a 1e-9° (≈ 0.1 mm) grid.
-- Why: PGlite's PostGIS (0.2.8, GEOS 3.14 in WebAssembly) returns *no row and no error* when a floating-point
-- overlay needs GEOS's robustness fallback (seen on parcels whose vertices lie within millimetres of the ward
-- edge); a fixed-precision overlay never takes that path. The grid is far below survey precision (cm), so
-- areas are unchanged for any practical purpose. Same functions on a PostGIS server, so results agree.
CREATE OR REPLACE FUNCTION overlay_intersection(a geometry, b geometry) RETURNS geometry
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ST_Intersection(a, b, 1e-9) $$;

CREATE OR REPLACE FUNCTION overlay_difference(a geometry, b geometry) RETURNS geometry
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ST_Difference(a, b, 1e-9) $$;
