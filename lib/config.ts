import { z } from "zod";
import { BAR_INTERVALS } from "@/lib/domain/market-data";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const csv = z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean));
const decimalString = z.string().regex(/^\d+(\.\d+)?$/, "must be a non-negative decimal number");

/** Every environment variable the platform reads, with its default. The README's table mirrors this. */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  NEXT_PUBLIC_REALTIME_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token that lets Prometheus read /api/metrics (and split-mode /metrics) from another host; localhost needs none. */
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
  /** Split mode: this process's /metrics port (worker 9464, realtime 9465, jobs 9466 by default); 0 turns it off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  ACCOUNT_ID: z.string().regex(/^[a-z0-9-]{1,40}$/, "lower-case letters, digits and dashes").default("demo"),
  INITIAL_CASH: decimalString.default("100000"),
  TRADING_MODE: z.enum(["paper", "live"]).default("paper"),
  /** Feeds `npm start` runs. `bybit` falls back to the simulator for its symbols while Bybit cannot be reached. */
  MARKET_FEEDS: csv.pipe(z.array(z.enum(["sim", "replay", "bybit", "alphavantage", "mt5"])).min(1)).default(["bybit"]),
  /** Real orders need all three: TRADING_MODE=live, ENABLE_LIVE_TRADING=true and venue keys (env or stored by an admin). */
  ENABLE_LIVE_TRADING: bool.default(false),
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_SYMBOLS: csv.pipe(z.array(z.string().regex(/^[A-Z0-9]{2,20}$/)).min(1)).default(["BTCUSDT", "ETHUSDT"]),
  SIM_TICKS_PER_SECOND: z.coerce.number().positive().max(100_000).default(8),
  REPLAY_FILE: z.string().optional(),
  REPLAY_SYMBOL: z.string().regex(/^[A-Z0-9]{2,20}$/).default("REPLAY"),
  REPLAY_SPEED: z.coerce.number().nonnegative().default(1),
  REPLAY_LOOP: bool.default(false),
  STRATEGY_ENABLED: bool.default(true),
  STRATEGY_INTERVAL: z.enum(BAR_INTERVALS).default("1m"),
  STRATEGY_FAST: z.coerce.number().int().min(1).default(5),
  STRATEGY_SLOW: z.coerce.number().int().min(2).default(20),
  STRATEGY_NOTIONAL: decimalString.default("500"),
  PAPER_SLIPPAGE_BPS: z.coerce.number().min(0).max(1000).default(1),
  PAPER_MAKER_FEE_BPS: z.coerce.number().min(0).max(1000).default(1),
  PAPER_TAKER_FEE_BPS: z.coerce.number().min(0).max(1000).default(5),
  PAPER_PARTIAL_FILLS: bool.default(true),
  MAX_ORDER_NOTIONAL: decimalString.default("50000"),
  MAX_POSITION_SIZE: decimalString.default("0.01"),
  /** Default limits of the risk engine; an admin's stored limits override them (PUT /api/risk/limits). */
  MAX_TOTAL_POSITION_SIZE: decimalString.default("0.05"),
  MAX_DAILY_LOSS: decimalString.default("0.005"),
  MAX_DRAWDOWN: decimalString.default("0.1"),
  MAX_OPEN_ORDERS_NOTIONAL: decimalString.default("100000"),
  PRICE_COLLAR: decimalString.default("0.05"),
  MAX_ORDERS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Same symbol, side, quantity and price within this many ms is refused as a duplicate; 0 turns the check off. */
  DUPLICATE_WINDOW_MS: z.coerce.number().int().min(0).default(2000),
  STALE_DATA_MS: z.coerce.number().int().min(1000).default(30_000),
  RISK_FLATTEN_ON_HALT: bool.default(false),
  SLACK_WEBHOOK_URL: z.url().optional(),
  ALERT_WEBHOOK_URL: z.url().optional(),
  TICK_BATCH_SIZE: z.coerce.number().int().min(1).default(500),
  TICK_FLUSH_MS: z.coerce.number().int().min(10).default(250),
  TICK_RETENTION_HOURS: z.coerce.number().int().min(1).default(72),
  TICK_BUFFER_MAX: z.coerce.number().int().min(1000).default(200_000),
  SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  ORDER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  AUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "at least 10 characters").optional(),
  ENCRYPTION_KEY: z.string().regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, "32 bytes as 64 hex characters or base64").optional(),
  PUBLIC_URL: z.string().url().optional(),
  MLFLOW_TRACKING_URI: z.string().regex(/^https?:\/\//, "must be an http:// or https:// URL").pipe(z.url()).optional(),
  MLFLOW_EXPERIMENT_NAME: z.string().min(1).max(500).default("tradeforge"),
  /** Which strategy trades: the production ensemble per symbol (MA cross where none is promoted yet), or MA cross only. */
  STRATEGY_KIND: z.enum(["ensemble", "ma-cross"]).default("ensemble"),
  /** The ensemble trades only calls at least this confident; the position scales with confidence above it. */
  ENSEMBLE_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.4),
  /** How often the engine looks for newly promoted or archived versions (a promotion also tells it at once). */
  MODEL_REFRESH_MS: z.coerce.number().int().min(1000).default(30_000),
  MODEL_MAX_AGE_DAYS: z.coerce.number().positive().max(3650).default(30),
  /** Cron (UTC) of scheduled retraining of every production ensemble; "off" turns it off. */
  RETRAIN_CRON: z.string().default("0 3 * * 0"),
  /** Cron (UTC) of the nightly walk-forward evaluation of production vs shadow versions. */
  EVALUATION_CRON: z.string().default("30 1 * * *"),
  FEATURE_BACKFILL_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Bybit v5. Unset URLs are Bybit's mainnet hosts, or its testnet hosts with BYBIT_TESTNET=true. */
  BYBIT_TESTNET: bool.default(false),
  BYBIT_WS_PUBLIC_URL: z.string().regex(/^wss?:\/\//, "must be a ws:// or wss:// URL").optional(),
  BYBIT_WS_PRIVATE_URL: z.string().regex(/^wss?:\/\//, "must be a ws:// or wss:// URL").optional(),
  BYBIT_REST_URL: z.string().regex(/^https?:\/\//, "must be an http:// or https:// URL").optional(),
  BYBIT_SYMBOLS: csv.pipe(z.array(z.string().regex(/^[A-Z0-9]{2,20}$/)).min(1)).default(["BTCUSDT", "ETHUSDT"]),
  BYBIT_API_KEY: z.string().min(1).optional(),
  BYBIT_API_SECRET: z.string().min(1).optional(),
  /** Bybit refuses a signed request older than this, so a submit not found after it can never execute. */
  BYBIT_RECV_WINDOW_MS: z.coerce.number().int().min(1000).max(60_000).default(5000),
  /** How long the feed waits for Bybit before the simulator takes over its symbols. */
  BYBIT_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Which venue a symbol's orders go to, e.g. `BTCUSDT=bybit`; unlisted symbols trade on paper. Live venues need live mode. */
  SYMBOL_VENUES: z.string().default(""),
  /** MetaTrader 5 through the DWX ZeroMQ EA: the EA binds these ports; the platform connects. */
  MT5_ZMQ_HOST: z.string().min(1).default("127.0.0.1"),
  MT5_ZMQ_PUSH_PORT: z.coerce.number().int().min(1).max(65535).default(32768),
  MT5_ZMQ_PULL_PORT: z.coerce.number().int().min(1).max(65535).default(32769),
  MT5_ZMQ_SUB_PORT: z.coerce.number().int().min(1).max(65535).default(32770),
  /** Symbols whose prices the EA streams, and whose orders go to MetaTrader in live mode. */
  MT5_SYMBOLS: csv.pipe(z.array(z.string().regex(/^[A-Za-z0-9._]{2,20}$/, "an MT symbol like EURUSD"))).default([]),
  /** Marks the platform's trades in the terminal, so the trader's own trades are never taken for ours. */
  MT5_MAGIC: z.coerce.number().int().min(1).max(2_147_483_647).default(770_077),
  /** Per-symbol price digits and lot step, `EURUSD:5:0.01,XAUUSD:2:0.01`; unlisted symbols: 5 digits, 0.01 lots. */
  MT5_SYMBOL_SPECS: z.string().regex(/^([A-Za-z0-9._]+:\d{1,2}:\d+(\.\d+)?(,[A-Za-z0-9._]+:\d{1,2}:\d+(\.\d+)?)*)?$/, "SYMBOL:digits:lotStep pairs separated by commas").default(""),
  /** How long a trade command waits for the EA's reply before the order is UNKNOWN (the EA itself may wait 30 s). */
  MT5_TRADE_TIMEOUT_MS: z.coerce.number().int().min(500).default(35_000),
  /** Test-only crash points, `name:n,...`: the engine kills itself (SIGKILL) the n-th time it passes `name`. */
  FAILPOINTS: z.string().regex(/^([a-z.-]+:\d+(,[a-z.-]+:\d+)*)?$/, "name:n pairs separated by commas").default(""),
  ALPHA_VANTAGE_API_KEY: z.string().min(1).optional(),
  ALPHA_VANTAGE_URL: z.string().regex(/^https?:\/\//, "must be an http:// or https:// URL").default("https://www.alphavantage.co/query"),
  /** Stocks (IBM) and FX pairs (EUR/USD) polled for intraday bars. */
  ALPHA_VANTAGE_SYMBOLS: csv.pipe(z.array(z.string().regex(/^[A-Z0-9.]{1,12}(\/[A-Z]{3})?$/, "a stock like IBM or an FX pair like EUR/USD"))).default([]),
  ALPHA_VANTAGE_INTERVAL: z.enum(["1min", "5min", "60min"]).default("5min"),
  /** The free tier's quota: calls are paced under both. */
  ALPHA_VANTAGE_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  ALPHA_VANTAGE_CALLS_PER_DAY: z.coerce.number().int().min(1).default(25),
});

export type Config = z.infer<typeof configSchema>;

/** Config with the secrets every process needs resolved (generated and kept under DATA_DIR in embedded mode). */
export type ResolvedSecrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  const config = result.data;
  if (config.STRATEGY_FAST >= config.STRATEGY_SLOW) throw new ConfigError(["STRATEGY_FAST: must be smaller than STRATEGY_SLOW"]);
  if (config.MARKET_FEEDS.includes("replay") && !config.REPLAY_FILE) throw new ConfigError(["REPLAY_FILE: required when MARKET_FEEDS includes replay"]);
  if (config.DATABASE_URL && !config.AUTH_SECRET) throw new ConfigError(["AUTH_SECRET: required in split mode (all web processes must share it)"]);
  if (config.DATABASE_URL && !config.ENCRYPTION_KEY) throw new ConfigError(["ENCRYPTION_KEY: required in split mode"]);
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) throw new ConfigError(["ADMIN_EMAIL: ADMIN_EMAIL and ADMIN_PASSWORD go together"]);
  if (config.MARKET_FEEDS.includes("alphavantage") && !config.ALPHA_VANTAGE_API_KEY) throw new ConfigError(["ALPHA_VANTAGE_API_KEY: required when MARKET_FEEDS includes alphavantage"]);
  if (config.MARKET_FEEDS.includes("alphavantage") && config.ALPHA_VANTAGE_SYMBOLS.length === 0) throw new ConfigError(["ALPHA_VANTAGE_SYMBOLS: required when MARKET_FEEDS includes alphavantage"]);
  if (config.MARKET_FEEDS.includes("mt5") && config.MT5_SYMBOLS.length === 0) throw new ConfigError(["MT5_SYMBOLS: required when MARKET_FEEDS includes mt5"]);
  // TRACK_PRICES replaces the EA's list and carries at most 10 symbols.
  if (config.MT5_SYMBOLS.length > 10) throw new ConfigError(["MT5_SYMBOLS: the EA streams at most 10 symbols"]);
  if (config.TRADING_MODE === "live" && !config.ENABLE_LIVE_TRADING) throw new ConfigError(["ENABLE_LIVE_TRADING: TRADING_MODE=live also needs ENABLE_LIVE_TRADING=true"]);
  symbolVenues(config);
  return config;
}

let cached: Config | undefined;

/** The process's validated configuration; the only place that reads process.env. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export const LIVE_VENUES = ["bybit", "mt5"] as const;
export type LiveVenueName = (typeof LIVE_VENUES)[number];
export type VenueName = "paper" | LiveVenueName;

/** SYMBOL_VENUES parsed: symbol -> venue. Throws a ConfigError naming the bad entry. */
export function symbolVenues(config: Pick<Config, "SYMBOL_VENUES">): Map<string, VenueName> {
  const routes = new Map<string, VenueName>();
  for (const entry of config.SYMBOL_VENUES.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [symbol, venue] = entry.split("=").map((s) => s.trim());
    if (!symbol || !/^[A-Z0-9]{2,20}$/.test(symbol) || (venue !== "paper" && !(LIVE_VENUES as readonly string[]).includes(venue ?? ""))) {
      throw new ConfigError([`SYMBOL_VENUES: "${entry}" is not SYMBOL=venue (venues: paper, ${LIVE_VENUES.join(", ")})`]);
    }
    routes.set(symbol, venue as VenueName);
  }
  return routes;
}

/** Where a symbol's orders go: paper unless live mode is on; then SYMBOL_VENUES, else MT5 for MT5_SYMBOLS, Bybit for BYBIT_SYMBOLS. */
export function orderVenue(config: Config, symbol: string): VenueName {
  if (!isLiveMode(config)) return "paper";
  const configured = symbolVenues(config).get(symbol);
  if (configured) return configured;
  if (config.MT5_SYMBOLS.includes(symbol)) return "mt5";
  return config.BYBIT_SYMBOLS.includes(symbol) ? "bybit" : "paper";
}

/** Both switches on. Real orders also need the venue's keys, which the engine checks when it starts. */
export function isLiveMode(config: Pick<Config, "TRADING_MODE" | "ENABLE_LIVE_TRADING">): boolean {
  return config.TRADING_MODE === "live" && config.ENABLE_LIVE_TRADING;
}

/** Bybit's three endpoints: each explicit URL wins, otherwise mainnet or testnet hosts (linear perpetuals). */
export function bybitEndpoints(config: Pick<Config, "BYBIT_TESTNET" | "BYBIT_WS_PUBLIC_URL" | "BYBIT_WS_PRIVATE_URL" | "BYBIT_REST_URL">) {
  const suffix = config.BYBIT_TESTNET ? "-testnet" : "";
  return {
    publicWs: config.BYBIT_WS_PUBLIC_URL ?? `wss://stream${suffix}.bybit.com/v5/public/linear`,
    privateWs: config.BYBIT_WS_PRIVATE_URL ?? `wss://stream${suffix}.bybit.com/v5/private`,
    rest: config.BYBIT_REST_URL ?? `https://api${suffix}.bybit.com`,
  };
}

export function runMode(config: Config): "embedded" | "split" {
  return config.DATABASE_URL ? "split" : "embedded";
}

/** next-auth 4 reads its own base URL from the environment; this is the one place that sets it. */
export function publishAuthUrl(config: Config): void {
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  process.env.NEXTAUTH_URL ??= config.PUBLIC_URL ?? `http://${host}:${config.PORT}`;
}
