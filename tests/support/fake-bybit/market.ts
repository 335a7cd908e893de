import { Decimal } from "decimal.js";

export interface FakeInstrument {
  symbol: string;
  baseCoin: string;
  quoteCoin: string;
  tickSize: string;
  qtyStep: string;
  minOrderQty: string;
}

export const DEFAULT_FAKE_INSTRUMENTS: readonly FakeInstrument[] = [
  { symbol: "BTCUSDT", baseCoin: "BTC", quoteCoin: "USDT", tickSize: "0.1", qtyStep: "0.001", minOrderQty: "0.001" },
  { symbol: "ETHUSDT", baseCoin: "ETH", quoteCoin: "USDT", tickSize: "0.01", qtyStep: "0.01", minOrderQty: "0.01" },
];

/** The instruments and each symbol's mark price: market orders fill at the mark. */
export class FakeMarket {
  private readonly instruments = new Map<string, FakeInstrument>();
  private readonly marks = new Map<string, string>();

  constructor(instruments: readonly FakeInstrument[], marks: Record<string, string>) {
    for (const instrument of instruments) this.instruments.set(instrument.symbol, instrument);
    for (const [symbol, price] of Object.entries(marks)) this.marks.set(symbol, price);
  }

  instrument(symbol: string): FakeInstrument | undefined {
    return this.instruments.get(symbol);
  }

  mark(symbol: string): string | undefined {
    return this.marks.get(symbol);
  }

  setMark(symbol: string, price: string): void {
    this.marks.set(symbol, price);
  }

  instrumentRow(symbol: string): Record<string, unknown> | null {
    const i = this.instruments.get(symbol);
    if (!i) return null;
    return {
      symbol: i.symbol, contractType: "LinearPerpetual", status: "Trading", baseCoin: i.baseCoin, quoteCoin: i.quoteCoin, settleCoin: i.quoteCoin,
      priceFilter: { minPrice: i.tickSize, maxPrice: "1999999.80", tickSize: i.tickSize },
      lotSizeFilter: { maxOrderQty: "1190.000", minOrderQty: i.minOrderQty, qtyStep: i.qtyStep },
    };
  }
}

export function onStep(value: string, step: string): boolean {
  return new Decimal(value).mod(step).isZero();
}

/** Bybit prints quantities and prices with at least the decimals of their step ("0.010", not "0.01"). */
export function onGrid(value: Decimal, step: string): string {
  const stepDecimals = (step.split(".")[1] ?? "").length;
  return value.toFixed(Math.max(stepDecimals, value.decimalPlaces()));
}
