import { TIMEFRAME_MINUTES } from "@/lib/venues/mt5/commands";
import { dbl, dict, int, list, reply, str } from "./ea-literal";
import { timeframeOf } from "./market-publisher";
import { serverTime } from "./server-time";
import type { Terminal } from "./terminal";

const MAX_BARS = 1000;
const SERVER_TIME = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** HIST;SYM;TF;START;END: flat bars at the current bid, one per timeframe step (the emulator keeps no history). */
export function historyReply(terminal: Terminal, [symbol, minutes, start, end]: string[]): string | null {
  const from = parseServerTime(start);
  const to = parseServerTime(end);
  if (from === null || to === null) return null;
  const timeframe = timeframeOf(minutes);
  const info = terminal.symbol(symbol);
  if (!timeframe || !info) return reply([["_action", str("HIST")], ["_response", str("NOT_AVAILABLE")]]);
  const step = TIMEFRAME_MINUTES[timeframe] * 60_000;
  const { bid, ask } = terminal.quote(symbol)!;
  const bars = [];
  for (let t = Math.ceil(from / step) * step; t <= to && bars.length < MAX_BARS; t += step) {
    bars.push(dict([
      ["time", str(serverTime(new Date(t), false))], ["open", dbl(bid)], ["high", dbl(bid)], ["low", dbl(bid)], ["close", dbl(bid)],
      ["tick_volume", int(1)], ["spread", int(ask.minus(bid).div(info.point).toFixed(0))], ["real_volume", int(0)],
    ]));
  }
  return reply([["_action", str("HIST")], ["_symbol", str(`${symbol}_${timeframe}`)], ["_data", list(bars)]]);
}

function parseServerTime(text: string | undefined): number | null {
  const m = SERVER_TIME.exec(text ?? "");
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
