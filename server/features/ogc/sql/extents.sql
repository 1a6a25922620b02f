-- Spatial extent of every collection in CRS84 (lon/lat, as stored in EPSG:4326); null bounds for an empty layer.
SELECT layer, ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax
FROM (
  SELECT 'ward' AS layer, ST_Extent(geom)::box2d AS e FROM admin_unit WHERE kind = 'ward'
  UNION ALL SELECT 'neighbour-wards', ST_Extent(geom) FROM admin_unit WHERE kind = 'neighbour_ward'
  UNION ALL SELECT 'former-units', ST_Extent(geom) FROM admin_unit WHERE kind = 'former_unit'
  UNION ALL SELECT 'residential-groups', ST_Extent(geom) FROM admin_unit WHERE kind = 'residential_group'
  UNION ALL SELECT 'ward-office', ST_Extent(geom) FROM admin_point
  UNION ALL SELECT 'parcels', ST_Extent(geom) FROM parcel
  UNION ALL SELECT 'projects', ST_Extent(geom) FROM plan_project
  UNION ALL SELECT 'roads', ST_Extent(geom) FROM road
  UNION ALL SELECT 'heritage-sites', ST_Extent(geom) FROM heritage_site
  UNION ALL SELECT 'schools', ST_Extent(geom) FROM school
) x
