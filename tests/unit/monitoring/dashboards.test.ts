import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_NAMES } from "@/lib/metrics";
import { allPanels, alertRules, dashboardFiles, MONITORING_DIR, readDashboard, readYaml } from "./monitoring-files";
import { metricNamesIn, unknownMetricsIn } from "./promql-metric-names";

interface Datasource {
  name: string;
  uid: string;
  type: string;
  url: string;
}

const EXPECTED_DASHBOARDS: Record<string, string> = {
  "infrastructure-health.json": "Infrastructure Health",
  "ml-model-performance.json": "ML Model Performance",
  "system-overview.json": "System Overview",
  "trading-performance.json": "Trading Performance",
};

function datasources(): Datasource[] {
  return readYaml<{ datasources: Datasource[] }>("grafana/provisioning/datasources/datasources.yml").datasources;
}

/** What promtail's -config.expand-env makes of ${NAME:-default} when NAME is unset. */
function withDefaults(value: string): string {
  return value.replace(/\$\{\w+:-([^}]*)\}/g, "$1");
}

function portOf(url: string): string {
  return new URL(url).port;
}

/** Every Prometheus query of every dashboard, panels and template variables, with where it comes from. */
function dashboardQueries(): { where: string; expr: string }[] {
  return dashboardFiles().flatMap((file) => {
    const dashboard = readDashboard(file);
    const panelQueries = allPanels(dashboard).flatMap((panel) =>
      (panel.targets ?? [])
        .filter((target) => (target.datasource ?? panel.datasource)?.type === "prometheus")
        .map((target) => ({ where: `${file} "${panel.title}" ${target.refId}`, expr: target.expr ?? "" })),
    );
    const variableQueries = (dashboard.templating?.list ?? []).map((variable) => {
      const query = typeof variable.query === "string" ? variable.query : (variable.query?.query ?? "");
      // label_values(metric, label): only the metric is PromQL.
      const metric = /label_values\(\s*([^,)]+)/.exec(query)?.[1] ?? query;
      return { where: `${file} variable ${variable.name}`, expr: metric };
    });
    return [...panelQueries, ...variableQueries];
  });
}

describe("reading metric names out of PromQL", () => {
  it("finds the selected series and ignores functions, labels, ranges and groupings", () => {
    const expr = 'histogram_quantile(0.95, sum by (le, route) (rate(tradeforge_http_request_duration_seconds_bucket{status=~"5..", route!="x"}[$__rate_interval])))';
    expect(metricNamesIn(expr)).toEqual(["tradeforge_http_request_duration_seconds_bucket"]);
    expect(metricNamesIn("sum(rate(a_total[5m])) by (job) / on (job) group_left b offset 5m > bool 1e3")).toEqual(["a_total", "b"]);
  });

  it("rejects a name the app does not export, a misspelled one, and allows histogram samples and Prometheus' up", () => {
    expect(unknownMetricsIn("rate(http_requests_total[5m])", METRIC_NAMES)).toEqual(["http_requests_total"]);
    expect(unknownMetricsIn("tradeforge_tick_total + tradeforge_ticks_total", METRIC_NAMES)).toEqual(["tradeforge_tick_total"]);
    expect(unknownMetricsIn("tradeforge_http_request_duration_seconds_count + up", METRIC_NAMES)).toEqual([]);
  });
});

describe("Grafana dashboards", () => {
  it("are exactly the four dashboards, valid JSON, each with its title and its own uid", () => {
    expect(dashboardFiles()).toEqual(Object.keys(EXPECTED_DASHBOARDS));
    const dashboards = dashboardFiles().map((file) => ({ file, dashboard: readDashboard(file) }));
    for (const { file, dashboard } of dashboards) {
      expect(dashboard.title, file).toBe(EXPECTED_DASHBOARDS[file]);
      expect(dashboard.schemaVersion, file).toBeGreaterThanOrEqual(36);
      expect(allPanels(dashboard).length, file).toBeGreaterThan(3);
    }
    expect(new Set(dashboards.map(({ dashboard }) => dashboard.uid)).size).toBe(4);
  });

  it("query only metrics the app exports (or Prometheus' own)", () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(30);
    const unknown = queries.flatMap(({ where, expr }) => unknownMetricsIn(expr, METRIC_NAMES).map((name) => `${where}: ${name}`));
    expect(unknown).toEqual([]);
    for (const { where, expr } of queries) expect(metricNamesIn(expr).length, `${where} selects no metric: ${expr}`).toBeGreaterThan(0);
  });

  it("use only the provisioned data sources, and every panel fits the 24-column grid", () => {
    const provisioned = new Set(datasources().map((source) => `${source.type}/${source.uid}`));
    for (const file of dashboardFiles()) {
      for (const panel of allPanels(readDashboard(file))) {
        const { x, w } = panel.gridPos ?? { x: -1, w: 0 };
        expect(x >= 0 && w > 0 && x + w <= 24, `${file} "${panel.title}" gridPos`).toBe(true);
        if (panel.type === "row") continue;
        for (const source of [panel.datasource, ...(panel.targets ?? []).map((target) => target.datasource)]) {
          expect(provisioned.has(`${source?.type}/${source?.uid}`), `${file} "${panel.title}" data source ${JSON.stringify(source)}`).toBe(true);
        }
      }
    }
  });

  it("query logs by labels promtail really attaches", () => {
    const promtail = readYaml<{ scrape_configs: Record<string, unknown>[] }>("loki/promtail-config.yml");
    const text = JSON.stringify(promtail.scrape_configs);
    const logQueries = dashboardFiles().flatMap((file) =>
      allPanels(readDashboard(file)).flatMap((panel) => (panel.targets ?? []).filter((target) => target.datasource?.type === "loki")),
    );
    expect(logQueries.length).toBeGreaterThan(0);
    for (const { expr } of logQueries) {
      const labels = [...(/\{([^}]*)\}/.exec(expr ?? "")?.[1] ?? "").matchAll(/(\w+)\s*(=~|!~|!=|=)/g)].map((m) => m[1]);
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(text, `label ${label} of ${expr}`).toMatch(new RegExp(`"(target_label":"${label}"|${label}":)`));
    }
  });
});

describe("Grafana provisioning", () => {
  it("provides Prometheus and Loki at the ports their configurations listen on", () => {
    const byType = new Map(datasources().map((source) => [source.type, source]));
    const loki = readYaml<{ server: { http_listen_port: number } }>("loki/loki-config.yml");
    const promtail = readYaml<{ clients: { url: string }[] }>("loki/promtail-config.yml");
    expect(byType.get("prometheus")?.url).toBe("http://prometheus:9090");
    expect(portOf(byType.get("loki")!.url)).toBe(String(loki.server.http_listen_port));
    expect(withDefaults(promtail.clients[0].url)).toBe(`http://loki:${loki.server.http_listen_port}/loki/api/v1/push`);
  });

  it("loads the dashboards from the folder the dashboards are mounted at", () => {
    const provisioning = readYaml<{ apiVersion: number; providers: { type: string; options: { path: string } }[] }>("grafana/provisioning/dashboards/dashboards.yml");
    expect(provisioning.apiVersion).toBe(1);
    expect(provisioning.providers).toHaveLength(1);
    expect(provisioning.providers[0].type).toBe("file");
    expect(provisioning.providers[0].options.path).toBe("/var/lib/grafana/dashboards");
  });
});

describe("Prometheus configuration", () => {
  it("scrapes web at /api/metrics and worker, realtime and jobs at their metrics ports", () => {
    type Job = { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] };
    const config = readYaml<{ scrape_configs: Job[]; rule_files: string[] }>("prometheus/prometheus.yml");
    const jobs = new Map(config.scrape_configs.map((job) => [job.job_name, job]));
    const endpoint = (name: string) => `${jobs.get(name)?.static_configs[0].targets[0]}${jobs.get(name)?.metrics_path}`;
    expect(endpoint("web")).toBe("web:3000/api/metrics");
    expect(endpoint("worker")).toBe("worker:9464/metrics");
    expect(endpoint("realtime")).toBe("realtime:9465/metrics");
    expect(endpoint("jobs")).toBe("jobs:9466/metrics");
    for (const file of config.rule_files) expect(existsSync(path.join(MONITORING_DIR, "prometheus", file)), file).toBe(true);
  });

  it("alerts on the issue's situations with their severities, each explained in plain words", () => {
    const rules = alertRules();
    const severities = Object.fromEntries(rules.map((rule) => [rule.alert, rule.labels?.severity]));
    expect(severities).toEqual({
      TradingHalted: "high",
      ProcessDown: "high",
      HttpErrorRateSpike: "high",
      HttpLatencyP95High: "medium",
      ModelHitRateDrop: "medium",
      RateLimitHits: "low",
      DiskSpaceLow: "low",
      RedisUnreachable: "medium",
      JobQueueBacklog: "low",
    });
    for (const rule of rules) {
      expect(rule.annotations?.summary?.length, `${rule.alert} summary`).toBeGreaterThan(10);
      expect(rule.annotations?.description?.length, `${rule.alert} description`).toBeGreaterThan(30);
    }
  });

  it("alert rules query only metrics the app exports (or Prometheus' own)", () => {
    const unknown = alertRules().flatMap((rule) => unknownMetricsIn(rule.expr, METRIC_NAMES).map((name) => `${rule.alert}: ${name}`));
    expect(unknown).toEqual([]);
  });
});

describe("Loki and promtail configuration", () => {
  it("Loki has storage, schema and limits; promtail reads the log files and the Compose containers", () => {
    const loki = readYaml("loki/loki-config.yml");
    for (const key of ["auth_enabled", "server", "common", "schema_config", "limits_config"]) expect(loki, key).toHaveProperty(key);
    type ScrapeConfig = { job_name: string; static_configs?: { labels: Record<string, string> }[]; docker_sd_configs?: unknown[]; pipeline_stages: Record<string, unknown>[] };
    const promtail = readYaml<{ server: unknown; positions: unknown; clients: unknown[]; scrape_configs: ScrapeConfig[] }>("loki/promtail-config.yml");
    for (const key of ["server", "positions", "clients", "scrape_configs"]) expect(promtail, key).toHaveProperty(key);
    const files = promtail.scrape_configs.find((config) => config.static_configs);
    expect(files?.static_configs?.[0].labels.__path__).toBe("${TRADEFORGE_LOG_DIR:-/var/log/tradeforge}/*.log");
    expect(promtail.scrape_configs.some((config) => config.docker_sd_configs)).toBe(true);
  });

  it("promtail parses pino's JSON: level, component and msg, and labels by level and component", () => {
    const promtail = readYaml<{ scrape_configs: { job_name: string; pipeline_stages: Record<string, Record<string, unknown>>[] }[] }>("loki/promtail-config.yml");
    for (const config of promtail.scrape_configs) {
      const stage = (name: string) => config.pipeline_stages.find((candidate) => name in candidate)?.[name];
      expect(Object.keys((stage("json")?.expressions as object) ?? {}), config.job_name).toEqual(expect.arrayContaining(["level", "component", "msg"]));
      expect(Object.keys(stage("labels") ?? {}), config.job_name).toEqual(["level", "component"]);
      expect(String(stage("template")?.template), config.job_name).toContain('eq .Value "50" }}error');
    }
  });
});
