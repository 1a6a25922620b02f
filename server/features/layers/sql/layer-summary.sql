-- Per layer: how many features, and whether any of them is demo data.
SELECT 'ward' AS layer, count(*) AS n, coalesce(bool_or(demo), false) AS demo FROM admin_unit WHERE kind = 'ward'
UNION ALL SELECT 'neighbour-wards', count(*), coalesce(bool_or(demo), false) FROM admin_unit WHERE kind = 'neighbour_ward'
UNION ALL SELECT 'former-units', count(*), coalesce(bool_or(demo), false) FROM admin_unit WHERE kind = 'former_unit'
UNION ALL SELECT 'residential-groups', count(*), coalesce(bool_or(demo), false) FROM admin_unit WHERE kind = 'residential_group'
UNION ALL SELECT 'ward-office', count(*), coalesce(bool_or(demo), false) FROM admin_point
UNION ALL SELECT 'parcels', count(*), coalesce(bool_or(demo), false) FROM parcel
UNION ALL SELECT 'projects', count(*), coalesce(bool_or(demo), false) FROM plan_project
UNION ALL SELECT 'roads', count(*), coalesce(bool_or(demo), false) FROM road
UNION ALL SELECT 'heritage-sites', count(*), coalesce(bool_or(demo), false) FROM heritage_site
UNION ALL SELECT 'schools', count(*), coalesce(bool_or(demo), false) FROM school
