CREATE TABLE "model_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"role" text NOT NULL,
	"symbol" text NOT NULL,
	"interval" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"direction" smallint NOT NULL,
	"confidence" double precision NOT NULL,
	"votes" jsonb NOT NULL,
	"close" numeric NOT NULL,
	"horizon" integer NOT NULL,
	"dead_zone" double precision NOT NULL,
	"target" numeric,
	"outcome" smallint,
	"correct" boolean,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"job_id" text,
	"trigger" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"result" jsonb,
	"error" text
);
--> statement-breakpoint
DROP INDEX "model_versions_one_production_idx";--> statement-breakpoint
ALTER TABLE "model_signals" ADD CONSTRAINT "model_signals_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_signals_version_bar_idx" ON "model_signals" USING btree ("version_id","symbol","interval","ts");--> statement-breakpoint
CREATE INDEX "model_signals_symbol_ts_idx" ON "model_signals" USING btree ("symbol","ts");--> statement-breakpoint
CREATE INDEX "model_signals_unresolved_idx" ON "model_signals" USING btree ("ts") WHERE outcome is null;--> statement-breakpoint
CREATE INDEX "job_runs_name_started_idx" ON "job_runs" USING btree ("name","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_production_idx" ON "model_versions" USING btree ("name","symbol","interval") WHERE status = 'production';