import { SeededRandom } from "@/lib/market/seeded-random";

const SYMBOLS = [
  { symbol: "BTCUSDT", price: 65_000, decimals: 1, sizeDecimals: 3, meanSize: 0.05 },
  { symbol: "ETHUSDT", price: 3_200, decimals: 2, sizeDecimals: 2, meanSize: 0.8 },
  { symbol: "SOLUSDT", price: 150, decimals: 3, sizeDecimals: 1, meanSize: 20 },
] as const;
const TICK_DIRECTIONS = ["PlusTick", "ZeroPlusTick", "MinusTick", "ZeroMinusTick"] as const;
// A fixed origin keeps the messages identical from run to run.
const START_TIME = Date.UTC(2024, 0, 1);

function uuid(random: SeededRandom): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random.uniform() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-5${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** Bybit v5 publicTrade messages as the linear stream sends them (recorded field order), 1-3 trades each. */
export function publicTradeMessages(count: number, seed: number): { messages: string[]; trades: number } {
  const random = new SeededRandom(seed);
  const prices = SYMBOLS.map((s) => s.price);
  const messages = new Array<string>(count);
  let trades = 0;
  let ts = START_TIME;
  for (let m = 0; m < count; m++) {
    const which = Math.floor(random.uniform() * SYMBOLS.length);
    const spec = SYMBOLS[which];
    ts += 1 + Math.floor(random.exponential(1 / 40));
    const n = 1 + Math.floor(random.uniform() * 3);
    const side = random.uniform() < 0.5 ? "Buy" : "Sell";
    const data = [];
    for (let i = 0; i < n; i++) {
      prices[which] *= Math.exp(random.normal() * 0.0002);
      const size = Math.max(10 ** -spec.sizeDecimals, random.exponential(1) * spec.meanSize);
      data.push({
        T: ts - 2, s: spec.symbol, S: side, v: size.toFixed(spec.sizeDecimals), p: prices[which].toFixed(spec.decimals),
        L: TICK_DIRECTIONS[Math.floor(random.uniform() * 4)], i: uuid(random), BT: false, seq: 1_783_284_617 + m,
      });
    }
    trades += n;
    messages[m] = JSON.stringify({ topic: `publicTrade.${spec.symbol}`, type: "snapshot", ts, data });
  }
  return { messages, trades };
}
