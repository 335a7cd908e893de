-- Turns ticks and bars into hypertables where the timescaledb extension can be loaded; a no-op elsewhere
-- (PGlite, plain PostgreSQL), where the time indexes of the plain tables serve the same queries.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS timescaledb;
      PERFORM create_hypertable('ticks', 'ts', if_not_exists => TRUE, migrate_data => TRUE);
      PERFORM create_hypertable('bars', 'open_time', if_not_exists => TRUE, migrate_data => TRUE);
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'timescaledb present but not usable (%), keeping plain tables', SQLERRM;
    END;
  END IF;
END
$$;
