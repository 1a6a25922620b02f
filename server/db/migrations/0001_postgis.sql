-- PostGIS. On a server the extension may already exist (created by a superuser); then this is a no-op.
CREATE EXTENSION IF NOT EXISTS postgis;
