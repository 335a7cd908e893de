import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";
import type { Bar, Tick } from "@/lib/domain/market-data";
import type { Fill, Order, OrderIntent } from "@/lib/domain/order";

export const BTC: Instrument = DEFAULT_INSTRUMENTS.find((i) => i.symbol === "BTCUSDT") as Instrument;
export const ETH: Instrument = DEFAULT_INSTRUMENTS.find((i) => i.symbol === "ETHUSDT") as Instrument;

let orderSeq = 0;

export function intent(overrides: Partial<OrderIntent> = {}): OrderIntent {
  orderSeq += 1;
  return {
    clientOrderId: `c-${orderSeq}`,
    accountId: "acc-1",
    symbol: "BTCUSDT",
    side: "BUY",
    type: "MARKET",
    quantity: "0.5",
    timeInForce: "GTC",
    source: "api",
    ...overrides,
  };
}

export function newOrder(overrides: Partial<Order> = {}): Order {
  const base = intent(overrides);
  return {
    ...base,
    id: overrides.id ?? `o-${orderSeq}`,
    status: "NEW",
    filledQuantity: "0",
    averageFillPrice: null,
    rejectReason: null,
    venue: "paper",
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

let tickSeq = 0;

export function tick(price: number, size = 10, symbol = "BTCUSDT"): Tick {
  tickSeq += 1;
  return { symbol, ts: 2_000 + tickSeq, price, size, side: "buy", seq: tickSeq };
}

export function fill(side: Fill["side"], quantity: string, price: string, fee = "0", symbol = "BTCUSDT"): Fill {
  orderSeq += 1;
  return {
    id: `f-${orderSeq}`,
    orderId: `o-${orderSeq}`,
    clientOrderId: `c-${orderSeq}`,
    accountId: "acc-1",
    symbol,
    side,
    quantity,
    price,
    fee,
    liquidity: "TAKER",
    ts: 5_000 + orderSeq,
  };
}

export function bar(close: number, index: number, overrides: Partial<Bar> = {}): Bar {
  return {
    symbol: "BTCUSDT",
    interval: "1m",
    openTime: index * 60_000,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
    trades: 1,
    closed: true,
    ...overrides,
  };
}
