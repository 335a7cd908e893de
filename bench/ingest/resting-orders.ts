import type { Instrument } from "@/lib/domain/instrument";
import { dec, floorToStep, priceToDecimal } from "@/lib/domain/money";
import type { Order, OrderSide } from "@/lib/domain/order";
import { DEFAULT_SIM_START_PRICES } from "@/lib/market/sim-instruments";

export interface RestingOrderPlan {
  /** Orders so far from the market that they never fill: they only make the book realistic. */
  far: number;
  /** Fractions of the start price, each placed on both sides of every symbol; the sim path crosses them. */
  nearOffsets: readonly number[];
  notional: number;
}

interface LimitSpec {
  instrument: Instrument;
  side: OrderSide;
  offset: number;
  notional: number;
  index: number;
}

const ACCOUNT_ID = "bench";

/** NEW GTC LIMIT orders on the tick and lot grids, priced from each symbol's simulator start price. */
export function restingOrders(instruments: readonly Instrument[], plan: RestingOrderPlan): Order[] {
  const specs: LimitSpec[] = [];
  for (let i = 0; i < plan.far; i++) {
    const instrument = instruments[i % instruments.length];
    const side: OrderSide = i % 2 === 0 ? "BUY" : "SELL";
    specs.push({ instrument, side, offset: 0.2 + (0.25 * i) / plan.far, notional: plan.notional, index: specs.length });
  }
  for (const instrument of instruments) {
    for (const offset of plan.nearOffsets) {
      for (const side of ["BUY", "SELL"] as const) specs.push({ instrument, side, offset, notional: plan.notional, index: specs.length });
    }
  }
  return specs.map(limitOrder);
}

function limitOrder(spec: LimitSpec): Order {
  const { instrument, side } = spec;
  const start = DEFAULT_SIM_START_PRICES[instrument.symbol];
  if (start === undefined) throw new Error(`No simulator start price for ${instrument.symbol}`);
  // Buys rest below the market and sells above it, so none is marketable on arrival.
  const price = priceToDecimal(start * (side === "BUY" ? 1 - spec.offset : 1 + spec.offset), instrument.tickSize);
  const quantity = floorToStep(dec(spec.notional).div(price), instrument.lotSize);
  return {
    id: `bench-order-${spec.index}`,
    clientOrderId: `bench-${spec.index}`,
    accountId: ACCOUNT_ID,
    symbol: instrument.symbol,
    side,
    type: "LIMIT",
    quantity: quantity.toFixed(),
    price: price.toFixed(),
    timeInForce: "GTC",
    source: "api",
    status: "NEW",
    filledQuantity: "0",
    averageFillPrice: null,
    rejectReason: null,
    venue: "paper",
    createdAt: 0,
    updatedAt: 0,
  };
}
