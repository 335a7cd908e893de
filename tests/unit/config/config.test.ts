import { describe, expect, it } from "vitest";
import { bybitEndpoints, ConfigError, orderVenue, parseConfig } from "@/lib/config";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("defaults to the embedded paper setup on Bybit's market data (the simulator stands in while Bybit is unreachable)", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MARKET_FEEDS).toEqual(["bybit"]);
    expect(config.TRADING_MODE).toBe("paper");
    expect(config.SIM_SYMBOLS).toEqual(["BTCUSDT", "ETHUSDT"]);
  });

  it("names the variable that is wrong", () => {
    expect(problems({ PORT: "abc" })[0]).toMatch(/^PORT:/);
    expect(problems({ DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL: must be a postgres/);
    expect(problems({ SIM_TICKS_PER_SECOND: "-1" })[0]).toMatch(/^SIM_TICKS_PER_SECOND:/);
    expect(problems({ MARKET_FEEDS: "sim,bloomberg" })[0]).toMatch(/^MARKET_FEEDS/);
    expect(problems({ STRATEGY_FAST: "30", STRATEGY_SLOW: "10" })[0]).toMatch(/^STRATEGY_FAST/);
    expect(problems({ MARKET_FEEDS: "replay" })[0]).toMatch(/^REPLAY_FILE/);
    expect(problems({ MAX_ORDER_NOTIONAL: "1e9" })[0]).toMatch(/^MAX_ORDER_NOTIONAL/);
  });

  it("never trades live unless the configuration says so twice", () => {
    expect(problems({ TRADING_MODE: "live" })[0]).toMatch(/^ENABLE_LIVE_TRADING/);
    expect(problems({ TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true" })).toEqual([]);
    expect(problems({ ENABLE_LIVE_TRADING: "true" })).toEqual([]);
  });

  it("routes a symbol's orders to a live venue only in live mode", () => {
    const live = { TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true" };
    expect(orderVenue(parseConfig({}), "BTCUSDT")).toBe("paper");
    expect(orderVenue(parseConfig({ SYMBOL_VENUES: "BTCUSDT=bybit" }), "BTCUSDT")).toBe("paper");
    expect(orderVenue(parseConfig(live), "BTCUSDT")).toBe("bybit");
    expect(orderVenue(parseConfig({ ...live, SYMBOL_VENUES: "BTCUSDT=paper" }), "BTCUSDT")).toBe("paper");
    expect(orderVenue(parseConfig(live), "SOLUSDT")).toBe("paper");
    expect(problems({ SYMBOL_VENUES: "BTCUSDT=kraken" })[0]).toMatch(/^SYMBOL_VENUES: "BTCUSDT=kraken"/);
  });

  it("routes MT5_SYMBOLS to MetaTrader in live mode, and refuses more symbols than the EA can stream", () => {
    const live = { TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true" };
    expect(orderVenue(parseConfig({ ...live, MT5_SYMBOLS: "EURUSD" }), "EURUSD")).toBe("mt5");
    expect(orderVenue(parseConfig({ MT5_SYMBOLS: "EURUSD" }), "EURUSD")).toBe("paper");
    expect(problems({ MARKET_FEEDS: "mt5" })[0]).toMatch(/^MT5_SYMBOLS: required/);
    expect(problems({ MT5_SYMBOLS: "A1,A2,A3,A4,A5,A6,A7,A8,A9,A10,A11" })[0]).toMatch(/^MT5_SYMBOLS: the EA streams at most 10/);
    expect(problems({ MT5_SYMBOL_SPECS: "EURUSD:five:0.01" })[0]).toMatch(/^MT5_SYMBOL_SPECS/);
  });

  it("points every Bybit endpoint at testnet with one switch, and lets each be overridden", () => {
    expect(bybitEndpoints(parseConfig({}))).toEqual({ publicWs: "wss://stream.bybit.com/v5/public/linear", privateWs: "wss://stream.bybit.com/v5/private", rest: "https://api.bybit.com" });
    expect(bybitEndpoints(parseConfig({ BYBIT_TESTNET: "true" }))).toEqual({ publicWs: "wss://stream-testnet.bybit.com/v5/public/linear", privateWs: "wss://stream-testnet.bybit.com/v5/private", rest: "https://api-testnet.bybit.com" });
    expect(bybitEndpoints(parseConfig({ BYBIT_TESTNET: "true", BYBIT_REST_URL: "http://127.0.0.1:9" })).rest).toBe("http://127.0.0.1:9");
  });

  it("reads lists and booleans", () => {
    const config = parseConfig({ SIM_SYMBOLS: "BTCUSDT, SOLUSDT", STRATEGY_ENABLED: "false", PAPER_PARTIAL_FILLS: "0" });
    expect(config.SIM_SYMBOLS).toEqual(["BTCUSDT", "SOLUSDT"]);
    expect(config.STRATEGY_ENABLED).toBe(false);
    expect(config.PAPER_PARTIAL_FILLS).toBe(false);
  });

  it("logs training runs to MLflow only when a tracking URI is set", () => {
    const defaults = parseConfig({});
    expect([defaults.MLFLOW_TRACKING_URI, defaults.MLFLOW_EXPERIMENT_NAME]).toEqual([undefined, "tradeforge"]);
    expect(parseConfig({ MLFLOW_TRACKING_URI: "http://mlflow:5000", MLFLOW_EXPERIMENT_NAME: "btc" })).toMatchObject({ MLFLOW_TRACKING_URI: "http://mlflow:5000", MLFLOW_EXPERIMENT_NAME: "btc" });
    expect(problems({ MLFLOW_TRACKING_URI: "file:///tmp/mlruns" })[0]).toMatch(/^MLFLOW_TRACKING_URI: must be an http/);
    expect(problems({ MLFLOW_TRACKING_URI: "http://" })[0]).toMatch(/^MLFLOW_TRACKING_URI/);
  });
});
