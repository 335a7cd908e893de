import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { allPanels, dashboardFiles, MONITORING_DIR, readDashboard } from "../unit/monitoring/monitoring-files";
import { withoutGrafanaVariables } from "../unit/monitoring/promql-metric-names";
import { createTestDatabase, eventually, freePort, requireRedis, type TestDatabase } from "./support/infrastructure";
import { splitEnv, startRealtime, startWorker } from "./support/launch";
import { ServiceProcess, stopAllServices } from "./support/service-process";

const PROMETHEUS = "/usr/bin/prometheus";
const PROMTOOL = "/usr/bin/promtool";
const PROMETHEUS_DIR = path.join(MONITORING_DIR, "prometheus");
const run = promisify(execFile);

type ScrapeJob = { job_name: string; static_configs: { targets: string[]; labels?: Record<string, string> }[] };
type Target = { labels: Record<string, string>; health: string; lastError: string };
type Rule = { name: string; type: string; health: string; state?: string; lastError?: string; alerts?: { labels: Record<string, string> }[] };
type RuleGroup = { name: string; file: string; rules: Rule[] };

/** A test-only rule: proves the rule engine evaluates against what was really scraped. */
const TEST_RULES = stringify({
  groups: [{ name: "services-test", rules: [{ alert: "TradeforgeProcessUpForTest", expr: "tradeforge_up == 1", labels: { severity: "low" } }] }],
});

function requireBinary(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: apt-get install -y --no-install-recommends prometheus`);
  return file;
}

async function promtool(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(requireBinary(PROMTOOL), args, { cwd: PROMETHEUS_DIR });
  return stdout + stderr;
}

/** The shipped configuration with only the jobs under test, pointed at local ports, scraping and evaluating every second. */
function configFor(ports: Record<string, number>, ruleFiles: string[]): string {
  const shipped = parse(readFileSync(path.join(PROMETHEUS_DIR, "prometheus.yml"), "utf8")) as { global: Record<string, unknown>; scrape_configs: ScrapeJob[] };
  const jobs = shipped.scrape_configs
    .filter((job) => job.job_name in ports)
    .map((job) => ({ ...job, static_configs: job.static_configs.map((config) => ({ ...config, targets: [`127.0.0.1:${ports[job.job_name]}`] })) }));
  return stringify({ global: { ...shipped.global, scrape_interval: "1s", evaluation_interval: "1s" }, rule_files: ruleFiles, scrape_configs: jobs });
}

describe("promtool accepts the shipped configuration", () => {
  it("checks prometheus.yml and the alert rules it loads", async () => {
    expect(await promtool("check", "config", "prometheus.yml")).toMatch(/SUCCESS: prometheus\.yml is valid/);
    expect(await promtool("check", "rules", "alerts.yml")).toMatch(/SUCCESS: 9 rules found/);
  });

  it("fires every alert on its situation and not before (promtool test rules)", async () => {
    expect(await promtool("test", "rules", "alerts.test.yml")).toMatch(/SUCCESS/);
  });
});

describe("a real Prometheus scraping the split-mode worker and realtime gateway", () => {
  let database: TestDatabase | undefined;
  let workDir: string | undefined;
  let api: string;

  async function get<T>(query: string): Promise<T> {
    const response = await fetch(`${api}/api/v1/${query}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== "success") throw new Error(`${query}: ${body.error}`);
    return body.data;
  }

  beforeAll(async () => {
    requireBinary(PROMETHEUS);
    await requireRedis();
    database = await createTestDatabase("tf_prom");
    const [worker, realtime, gateway, prometheus] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = splitEnv(database.url);
    await startWorker({ ...env, METRICS_PORT: String(worker) });
    await startRealtime({ ...env, METRICS_PORT: String(realtime) }, gateway);

    workDir = await mkdtemp(path.join(tmpdir(), "tf-prometheus-"));
    const testRules = path.join(workDir, "test-rules.yml");
    await writeFile(testRules, TEST_RULES);
    await writeFile(path.join(workDir, "prometheus.yml"), configFor({ worker, realtime }, [path.join(PROMETHEUS_DIR, "alerts.yml"), testRules]));
    const server = new ServiceProcess({
      name: "prometheus",
      command: PROMETHEUS,
      args: [`--config.file=${path.join(workDir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(workDir, "data")}`, `--web.listen-address=127.0.0.1:${prometheus}`],
      env: { PATH: process.env.PATH ?? "/usr/bin" },
    });
    await server.waitForLine((line) => line.includes("Server is ready to receive web requests"), 30_000, "Prometheus ready");
    api = `http://127.0.0.1:${prometheus}`;
  }, 180_000);

  afterAll(async () => {
    await stopAllServices();
    await database?.drop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("sees the worker and the realtime gateway up", async () => {
    const targets = await eventually(async () => {
      const { activeTargets } = await get<{ activeTargets: Target[] }>("targets");
      return activeTargets.length === 2 && activeTargets.every((target) => target.health === "up") ? activeTargets : undefined;
    }, 30_000, "both targets up");
    expect(targets.map((target) => target.labels.job).sort()).toEqual(["realtime", "worker"]);
  });

  it("evaluates every shipped alert rule without error, and a rule on the scraped tradeforge_up fires for both processes", async () => {
    const groups = await eventually(async () => {
      const data = await get<{ groups: RuleGroup[] }>("rules");
      const test = data.groups.find((group) => group.name === "services-test")?.rules[0];
      return test?.state === "firing" && test.alerts?.length === 2 ? data.groups : undefined;
    }, 30_000, "the test rule to fire for worker and realtime");
    const shipped = groups.filter((group) => group.name !== "services-test").flatMap((group) => group.rules);
    expect(shipped).toHaveLength(9);
    expect(shipped.filter((rule) => rule.health !== "ok").map((rule) => `${rule.name}: ${rule.health} ${rule.lastError}`)).toEqual([]);
    const firing = groups.find((group) => group.name === "services-test")!.rules[0].alerts!;
    expect(firing.map((alert) => alert.labels.process).sort()).toEqual(["realtime", "worker"]);
  });

  it("counts the worker's simulated ticks", async () => {
    const ticks = await eventually(async () => {
      const { result } = await get<{ result: { value: [number, string] }[] }>(`query?query=${encodeURIComponent('sum(tradeforge_ticks_total{job="worker"})')}`);
      const value = Number(result[0]?.value[1] ?? 0);
      return value > 0 ? value : undefined;
    }, 30_000, "tradeforge_ticks_total > 0");
    expect(ticks).toBeGreaterThan(0);
  });

  it("answers every dashboard query without a PromQL error", async () => {
    const queries = dashboardFiles().flatMap((file) =>
      allPanels(readDashboard(file)).flatMap((panel) =>
        (panel.targets ?? []).filter((target) => target.datasource?.type === "prometheus").map((target) => ({ where: `${file} "${panel.title}"`, expr: target.expr ?? "" })),
      ),
    );
    const failures: string[] = [];
    for (const { where, expr } of queries) {
      await get(`query?query=${encodeURIComponent(withoutGrafanaVariables(expr))}`).catch((error: Error) => failures.push(`${where}: ${error.message}`));
    }
    expect(queries.length).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });
});
