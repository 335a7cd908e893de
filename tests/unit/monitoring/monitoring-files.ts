import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const MONITORING_DIR = fileURLToPath(new URL("../../../monitoring/", import.meta.url));
export const DASHBOARDS_DIR = path.join(MONITORING_DIR, "grafana", "dashboards");

export interface PanelTarget {
  expr?: string;
  refId?: string;
  datasource?: { type?: string; uid?: string };
}

export interface Panel {
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: PanelTarget[];
  panels?: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating?: { list: { name: string; query?: string | { query?: string } }[] };
}

export interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function readYaml<T = Record<string, unknown>>(relativePath: string): T {
  return parse(readFileSync(path.join(MONITORING_DIR, relativePath), "utf8")) as T;
}

export function dashboardFiles(): string[] {
  return readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith(".json")).sort();
}

export function readDashboard(file: string): Dashboard {
  return JSON.parse(readFileSync(path.join(DASHBOARDS_DIR, file), "utf8")) as Dashboard;
}

/** Panels at every depth: rows that are collapsed carry their panels inside. */
export function allPanels(dashboard: Dashboard): Panel[] {
  const flatten = (panels: Panel[]): Panel[] => panels.flatMap((panel) => [panel, ...flatten(panel.panels ?? [])]);
  return flatten(dashboard.panels);
}

export function alertRules(): AlertRule[] {
  const file = readYaml<{ groups: { name: string; rules: AlertRule[] }[] }>("prometheus/alerts.yml");
  return file.groups.flatMap((group) => group.rules);
}
