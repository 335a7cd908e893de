/** Metrics Prometheus itself records for every target: queries may use them beside the app's own. */
export const PROMETHEUS_BUILTIN_METRICS = new Set([
  "up",
  "scrape_duration_seconds",
  "scrape_samples_scraped",
  "scrape_samples_post_metric_relabeling",
  "scrape_series_added",
  "ALERTS",
  "ALERTS_FOR_STATE",
]);

const HISTOGRAM_SUFFIXES = ["_bucket", "_sum", "_count"];
const KEYWORDS = new Set(["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan"]);

/** Grafana's variables become something PromQL accepts, so the rest of the expression can be read as PromQL. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)\b/g, "1m").replace(/\$\{[^}]*\}|\$\w+/g, ".*");
}

/** The metric names an expression selects: what is left after strings, matchers, ranges, groupings, functions and keywords. */
export function metricNamesIn(expr: string): string[] {
  const bare = withoutGrafanaVariables(expr)
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w.:])[a-zA-Z_:][\w:]*/g)) {
    const word = match[0];
    const isFunctionCall = /^\s*\(/.test(bare.slice(match.index + word.length));
    if (!isFunctionCall && !KEYWORDS.has(word.toLowerCase())) names.add(word);
  }
  return [...names];
}

/** Names in the expression that neither the app exports (histogram samples included) nor Prometheus records. */
export function unknownMetricsIn(expr: string, exported: readonly string[]): string[] {
  const families = new Set(exported);
  const isExported = (name: string) =>
    families.has(name) || HISTOGRAM_SUFFIXES.some((suffix) => name.endsWith(suffix) && families.has(name.slice(0, -suffix.length)));
  return metricNamesIn(expr).filter((name) => !isExported(name) && !PROMETHEUS_BUILTIN_METRICS.has(name));
}
