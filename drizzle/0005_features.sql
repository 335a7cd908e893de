CREATE TABLE "features" (
	"symbol" text NOT NULL,
	"interval" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"version" text NOT NULL,
	"values" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "features_symbol_interval_ts_version_pk" PRIMARY KEY("symbol","interval","ts","version")
);
--> statement-breakpoint
CREATE INDEX "features_ts_idx" ON "features" USING btree ("ts");--> statement-breakpoint
-- A hypertable on ts where the timescaledb extension can be loaded, as 0001 does for ticks and bars; elsewhere
-- (PGlite, plain PostgreSQL) the plain table and its ts index serve the same queries.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS timescaledb;
      PERFORM create_hypertable('features', 'ts', if_not_exists => TRUE, migrate_data => TRUE);
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'timescaledb present but not usable (%), keeping features a plain table', SQLERRM;
    END;
  END IF;
END
$$;
