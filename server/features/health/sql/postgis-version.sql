-- The PostGIS library version, e.g. '3.6.2'.
SELECT postgis_lib_version() AS version
