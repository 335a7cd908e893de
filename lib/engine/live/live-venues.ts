import { orderVenue, type LiveVenueName } from "@/lib/config";
import type { Instrument } from "@/lib/domain/instrument";
import type { Order } from "@/lib/domain/order";
import { BybitVenue, bybitVenueOptions } from "@/lib/venues/bybit";
import { Mt5Venue } from "@/lib/venues/mt5/mt5-venue";
import { symbolSpecs } from "@/lib/venues/mt5/venue-records";
import type { LiveRoute, LiveRoutes } from "../order-router";
import { loadVenueKeys } from "../persistence/venue-keys";
import type { LiveExecution } from "./live-execution";
import type { MismatchAction, ReconciliationState } from "./mismatch";
import { VenueSlot, type LiveVenuesOptions, type LiveVenueView, type VenueConnector } from "./venue-slot";

export type { LiveVenueView } from "./venue-slot";

const LABELS: Record<LiveVenueName, string> = { bybit: "Bybit", mt5: "MetaTrader 5" };

/** The live venues of a live-mode engine, one slot per venue that some symbol is routed to. */
export class LiveVenues implements LiveRoutes {
  private readonly slots: VenueSlot[];

  constructor(options: LiveVenuesOptions, connectors: Partial<Record<LiveVenueName, VenueConnector>> = defaultConnectors(options)) {
    this.slots = (Object.keys(LABELS) as LiveVenueName[]).flatMap((name) => {
      const routed = options.symbols.filter((s) => orderVenue(options.config, s) === name);
      if (routed.length === 0) return [];
      const connect = connectors[name] ?? (async () => ({ missing: `${LABELS[name]} is not available in this build` }));
      return [new VenueSlot({ ...options, name, label: LABELS[name], routed, connect })];
    });
  }

  routedSymbols(): string[] {
    return this.slots.flatMap((slot) => slot.view().symbols);
  }

  async start(openOrders: readonly Order[]): Promise<void> {
    for (const slot of this.slots) await slot.start(openOrders);
  }

  async instruments(): Promise<Instrument[]> {
    return (await Promise.all(this.slots.map((slot) => slot.instruments()))).flat();
  }

  forSymbol(symbol: string): LiveRoute | null {
    return this.slots.find((slot) => slot.routes(symbol))?.route() ?? null;
  }

  forOrder(orderId: string): LiveExecution | null {
    for (const slot of this.slots) {
      const execution = slot.forOrder(orderId);
      if (execution) return execution;
    }
    return null;
  }

  openOrders(): Order[] {
    return this.slots.flatMap((slot) => slot.openOrders());
  }

  views(): LiveVenueView[] {
    return this.slots.map((slot) => slot.view());
  }

  async reloadKeys(openOrders: () => Promise<Order[]>): Promise<LiveVenueView[]> {
    for (const slot of this.slots) await slot.reloadKeys(openOrders);
    return this.views();
  }

  /** One venue, or every one in turn; the states after the runs. */
  async reconcile(venue?: LiveVenueName): Promise<ReconciliationState[]> {
    const slots = venue ? [this.slot(venue)] : this.slots;
    const states: ReconciliationState[] = [];
    for (const slot of slots) states.push(await slot.reconcile());
    return states;
  }

  resolve(venue: LiveVenueName, mismatchId: string, action: MismatchAction, actor: string): Promise<ReconciliationState> {
    return this.slot(venue).resolve(mismatchId, action, actor);
  }

  private slot(venue: LiveVenueName): VenueSlot {
    const slot = this.slots.find((s) => s.name === venue);
    if (!slot) throw new Error(`No symbol trades on ${LABELS[venue]} in this configuration`);
    return slot;
  }

  async stop(): Promise<void> {
    for (const slot of this.slots) await slot.stop();
  }
}

function defaultConnectors(options: LiveVenuesOptions): Partial<Record<LiveVenueName, VenueConnector>> {
  const { mt5Bridge, config } = options;
  return {
    ...(mt5Bridge ? {
      mt5: async () => ({
        venue: new Mt5Venue({ bridge: mt5Bridge, magic: config.MT5_MAGIC, symbols: config.MT5_SYMBOLS, spec: symbolSpecs(config.MT5_SYMBOL_SPECS) }),
        keys: null,
      }),
    } : {}),
    bybit: async () => {
      const keys = await loadVenueKeys(options.db, options.config, "bybit");
      if (!keys) return { missing: "no API keys: set BYBIT_API_KEY and BYBIT_API_SECRET or store keys on the Venues page" };
      return { venue: new BybitVenue(bybitVenueOptions(options.config, keys)), keys: { source: keys.source, hint: keys.hint } };
    },
  };
}
