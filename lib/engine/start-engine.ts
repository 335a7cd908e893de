import { hostname } from "node:os";
import { appendAudit } from "@/lib/db/audit";
import type { RiskView } from "@/lib/domain/account";
import type { FeedStatus, Tick } from "@/lib/domain/market-data";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { LIVE_FEATURE_INTERVALS, LiveFeatures } from "@/lib/features/live-features";
import { alertPerformanceDegradation, alerterOf } from "@/lib/alerts";
import { logger } from "@/lib/logger";
import { countBar, countTick, trackEngineState } from "@/lib/metrics/trading";
import { LiveEnsembles } from "@/lib/ml/live/live-ensembles";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import type { RealtimeSink } from "@/lib/realtime/sink";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";
import { armFailpoints } from "@/lib/runtime/failpoints";
import type { Services } from "@/lib/runtime/services";
import { applyLimitsPatch } from "@/lib/risk/limits-schema";
import { observeBroker } from "@/lib/risk/realtime/observed-broker";
import type { RiskTransition } from "@/lib/risk/realtime/risk-levels";
import { isLiveMode } from "@/lib/config";
import { respondToCommands } from "./command-responders";
import { LiveVenues } from "./live/live-venues";
import { saveRiskLimits } from "./persistence/risk-limits-store";
import { createAlphaVantageFeed } from "./alpha-vantage-bars";
import { createFeeds } from "./feeds";
import { createMt5Bridge } from "./mt5-bridge-setup";
import { LivePublisher } from "./live-publisher";
import { createMarketWriters } from "./market-writers";
import { OrderRouter } from "./order-router";
import { ensureAccount, upsertInstruments } from "./persistence/account-store";
import { latestPrices } from "./persistence/latest-prices";
import { OrderJournal } from "./persistence/order-journal";
import { recordRiskEvent } from "./persistence/risk-store";
import { SLOW_LOOP_P99_MS, startHousekeeping } from "./housekeeping";
import { restorePortfolio } from "./restore-portfolio";
import { loadRiskLoop } from "./risk-loop";
import { ExchangeClock } from "./exchange-clock";
import { SerialQueue } from "./serial-queue";
import { StrategyRunner } from "./strategy-runner";
import { TickGate } from "./tick-gate";
import { warmUpHistory } from "./warm-up";
import { announceAccountChanged } from "@/lib/bus/change-topics";

export interface Engine {
  stop(): Promise<void>;
  feeds(): FeedStatus[];
  ticksProcessed(): number;
}

export interface EngineOptions {
  services: Services;
  sink: RealtimeSink;
  /** Every risk state transition, automatic (actor "risk-engine") or a person's: the alerts hook. */
  onTrip?: (transition: RiskTransition) => void;
}

// A reference price older than this is stale: the gate fails closed rather than price an order on it.
const REFERENCE_MAX_AGE_MS = 30_000;
// Prints wait at most this long for a strategy order to reach the venue (see TickGate).
const STRATEGY_ORDER_MAX_HOLD_MS = 2_000;
// Enough stored bars for the live features' EMAs to forget their seed (see LiveFeatures).
const FEATURE_HISTORY_BARS = 600;
// Stale data is looked for this often even when no print arrives at all.
const RISK_CHECK_INTERVAL_MS = 1_000;

/** Assembles the trading engine: feeds -> bars -> strategy -> risk -> execution -> portfolio, with persistence. */
export async function startEngine({ services, sink, onTrip }: EngineOptions): Promise<Engine> {
  const { config, database, bus } = services;
  const { db } = database;
  const log = logger("engine");
  armFailpoints(config.FAILPOINTS);
  const accountId = config.ACCOUNT_ID;
  const mt5Bridge = createMt5Bridge(config);
  const { feeds, instruments, quotes } = createFeeds(config, await latestPrices(database, [...new Set([...config.SIM_SYMBOLS, ...config.BYBIT_SYMBOLS])]), mt5Bridge);
  const alphaVantage = createAlphaVantageFeed(config, (bar) => {
    barWriter.push(bar);
    publisher.barClosed(bar);
  });
  const feedStatuses = () => [...feeds.map((f) => f.status()), ...(alphaVantage ? [alphaVantage.status()] : [])];
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  await upsertInstruments(db, instruments);
  const account = await ensureAccount(db, { accountId, currency: "USDT", initialCash: config.INITIAL_CASH });
  const portfolio = await restorePortfolio(database, account, instruments);
  const riskLoop = await loadRiskLoop({ db, config, accountId, portfolio, log });
  const { risk, monitor } = riskLoop;

  const bybitFeed = feeds.find((f) => f.name === "bybit");
  const bybitIsLive = () => {
    const status = bybitFeed?.status();
    return status?.kind === "bybit" && status.state === "live";
  };
  const exchangeClock = new ExchangeClock();
  const venue = exchangeClock.stamp(new PaperBroker({
    instruments, slippageBps: config.PAPER_SLIPPAGE_BPS, makerFeeBps: config.PAPER_MAKER_FEE_BPS,
    takerFeeBps: config.PAPER_TAKER_FEE_BPS, partialFills: config.PAPER_PARTIAL_FILLS, now: exchangeClock.now,
  }));
  const broker = observeBroker(venue, (events) => monitor.onBrokerEvents(events, Date.now()));
  const queue = new SerialQueue((error) => log.error({ err: error }, "journal write failed"));
  const journal = new OrderJournal(db);
  const lastTrade = new Map<string, { price: number; receivedAt: number }>();
  const aggregator = new BarAggregator({ onBarClosed: (bar) => onBarClosed(bar) });
  // Recorded prints are far behind the wall clock: their bars close on the next print, never on a timer.
  const replaySymbols = new Set(feeds.filter((f) => f.kind === "replay").flatMap((f) => f.status().symbols));
  const replayAggregator = new BarAggregator({ onBarClosed: (bar) => onBarClosed(bar) });
  const aggregatorFor = (symbol: string) => (replaySymbols.has(symbol) ? replayAggregator : aggregator);
  const accountView = () => portfolio.accountView(accountId, monitor.startOfDayEquity(Date.now()));
  const publisher = new LivePublisher(sink, {
    accountId, account: accountView, positions: () => portfolio.positionViews(accountId),
    currentBar: (symbol, interval) => aggregatorFor(symbol).current(symbol, interval), symbols: () => [...bySymbol.keys()],
    feeds: feedStatuses,
  }, (changedAccount) => {
    announceAccountChanged(bus, changedAccount).catch((error: unknown) => log.warn({ err: error }, "account change not announced; web caches catch up within a second"));
  });
  const live: LiveVenues | null = isLiveMode(config)
    ? new LiveVenues({
      config, db, accountId, symbols: [...bySymbol.keys()], portfolio, journal, queue, log: logger("live-venues"), mt5Bridge,
      emit: (events): Promise<unknown> => {
        monitor.onBrokerEvents(events, Date.now());
        return router.handle(events);
      },
      changed: () => publisher.markAccountDirty(),
    })
    : null;
  const router = new OrderRouter({
    accountId, instruments: bySymbol, broker, portfolio, risk, gate: createPreTradeGate(), journal, db, queue, publisher, log,
    now: Date.now, live: live ?? undefined,
    pausedUntil: (symbol) => risk.pausedUntil(symbol),
    referencePrice: (symbol) => {
      const last = lastTrade.get(symbol);
      const fresh = last && Date.now() - last.receivedAt <= REFERENCE_MAX_AGE_MS ? last.price : null;
      // While Bybit itself prices the symbol, a book known to be stale (a gap, a lost connection) prices no order.
      return fresh !== null && quotes && quotes(symbol) === null && bybitIsLive() ? null : fresh;
    },
  });
  const controller = riskLoop.attach({ router, publisher, onTrip });
  const openAtStart = await journal.openOrders(accountId);
  await router.restore(openAtStart);
  if (live) {
    await live.start(openAtStart);
    for (const instrument of await live.instruments()) bySymbol.set(instrument.symbol, instrument);
    await upsertInstruments(db, [...bySymbol.values()]);
    log.warn({ symbols: live.routedSymbols(), venues: live.views().map((v) => ({ venue: v.venue, connection: v.connection.state, reconciliation: v.reconciliation.phase })) }, "LIVE TRADING: these symbols' orders go to a real venue");
  }

  const ensembles = new LiveEnsembles({
    db, log, symbols: new Set(bySymbol.keys()),
    history: async (symbol, interval, count) => warmUpHistory(db, [symbol], interval, count),
  });
  if (config.STRATEGY_ENABLED) await ensembles.refresh();
  const strategies = new StrategyRunner(
    {
      interval: config.STRATEGY_INTERVAL, fast: config.STRATEGY_FAST, slow: config.STRATEGY_SLOW, notional: config.STRATEGY_NOTIONAL,
      useEnsemble: config.STRATEGY_KIND === "ensemble", minConfidence: config.ENSEMBLE_MIN_CONFIDENCE,
    },
    { accountId, instruments: bySymbol, portfolio, db, log, ensembles, submit: (c) => router.submit(c), hasOpenOrders: (s) => router.openOrders().some((o) => o.symbol === s), clipQuantity: (symbol, side, quantity) => router.clipQuantity(symbol, side, quantity) },
  );
  if (config.STRATEGY_ENABLED) strategies.warmUp(await warmUpHistory(db, [...bySymbol.keys()], config.STRATEGY_INTERVAL, config.STRATEGY_SLOW + 2));
  const { tickWriter, barWriter, featureWriter } = createMarketWriters(db, config, log);
  const liveFeatures = new LiveFeatures((vector) => featureWriter.push(vector));
  for (const interval of LIVE_FEATURE_INTERVALS) liveFeatures.warmUp(await warmUpHistory(db, [...bySymbol.keys()], interval, FEATURE_HISTORY_BARS));

  function onBarClosed(bar: Parameters<typeof publisher.barClosed>[0]): void {
    barWriter.push(bar);
    countBar(bar.interval);
    liveFeatures.onBarClosed(bar);
    publisher.barClosed(bar);
    const order = config.STRATEGY_ENABLED ? strategies.onBarClosed(bar) : null;
    if (order) gate.holdUntil(order);
  }

  let ticksProcessed = 0;
  // The venue sees a print before the bars do, so an order sent on the bar it closes fills at that print.
  function processTick(tick: Tick): void {
    ticksProcessed += 1;
    countTick(tick.symbol);
    tickWriter.push(tick);
    const receivedAt = Date.now();
    lastTrade.set(tick.symbol, { price: tick.price, receivedAt });
    exchangeClock.observe(tick);
    portfolio.mark(tick.symbol, tick.price, tick.ts);
    const events = broker.onTick(tick);
    if (events.length > 0) void router.handle(events);
    monitor.onPrint(tick.symbol, tick.price, receivedAt);
    aggregatorFor(tick.symbol).onTick(tick);
    publisher.tick(tick);
    publisher.markAccountDirty();
  }
  const gate = new TickGate(processTick, STRATEGY_ORDER_MAX_HOLD_MS, () => log.warn({ maxHoldMs: STRATEGY_ORDER_MAX_HOLD_MS }, "strategy order not at the venue in time; prints released"));
  const onTick = (tick: Tick) => gate.push(tick);

  async function setRiskLimits(patch: Parameters<typeof applyLimitsPatch>[1], actor: string): Promise<RiskView> {
    const before = risk.limits;
    const after = applyLimitsPatch(before, patch);
    await saveRiskLimits(db, accountId, after, actor);
    risk.setLimits(after);
    await recordRiskEvent(db, { accountId, code: "LIMITS_CHANGED", message: `Limits changed by ${actor}`, detail: { patch } });
    await appendAudit(db, { actor, action: "risk.limits", target: accountId, details: { before, after } });
    publisher.risk(risk.view());
    return risk.view();
  }

  const responders = await respondToCommands(bus, {
    accountId, router, controller, live, setRiskLimits, openOrders: () => journal.openOrders(accountId), refreshModels: () => void ensembles.refresh(),
  });

  const housekeeping = startHousekeeping({
    database, config, accountId, instance: `${hostname()}:${process.pid}`, portfolio, aggregator, log,
    status: () => ({ feeds: feedStatuses(), ticksProcessed, tickWriter: tickWriter.getStats(), journalQueue: queue.size(), heldTicks: gate.size(), risk: risk.current(), models: ensembles.status(), venues: live?.views() ?? [] }),
    onSlowEventLoop: (p99Ms) => void alertPerformanceDegradation(alerterOf(services), { metric: "engine event-loop delay p99", value: Math.round(p99Ms), threshold: SLOW_LOOP_P99_MS, unit: " ms" }),
  });
  const untrackMetrics = trackEngineState({
    equity: () => portfolio.equity().toNumber(), realizedPnl: () => portfolio.realizedPnl().toNumber(), unrealizedPnl: () => portfolio.unrealizedPnl().toNumber(),
    drawdownRatio: () => monitor.drawdownRatio(), riskState: () => risk.current(), tickBufferDepth: () => tickWriter.getStats().buffered,
    venuesConnected: () => (live?.views() ?? []).map((v) => [v.venue, v.connection.state === "connected" ? 1 : 0] as const),
  });
  const modelRefresh = config.STRATEGY_ENABLED ? setInterval(() => void ensembles.refresh(), config.MODEL_REFRESH_MS) : undefined;
  const riskTimer = setInterval(() => monitor.check(Date.now()), RISK_CHECK_INTERVAL_MS);
  publisher.start();
  tickWriter.start();
  barWriter.start();
  featureWriter.start();
  for (const feed of feeds) await feed.start(onTick);
  await alphaVantage?.start();
  log.info({ feeds: feeds.map((f) => f.name), symbols: [...bySymbol.keys()], risk: risk.current() }, "engine started");

  return {
    feeds: feedStatuses,
    ticksProcessed: () => ticksProcessed,
    async stop() {
      untrackMetrics();
      clearInterval(modelRefresh);
      clearInterval(riskTimer);
      for (const feed of feeds) await feed.stop();
      await live?.stop();
      await mt5Bridge?.stop();
      await alphaVantage?.stop();
      await Promise.all(responders.map((off) => off()));
      await gate.idle();
      publisher.stop();
      await queue.drain();
      await controller.idle();
      monitor.flush();
      await riskLoop.saved();
      await tickWriter.close();
      await barWriter.close();
      await featureWriter.close();
      await housekeeping.stop();
      await ensembles.close();
      log.info({ ticksProcessed, ticks: tickWriter.getStats() }, "engine stopped; buffered ticks flushed");
    },
  };
}
