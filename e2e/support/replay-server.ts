import { startEmbeddedProcess } from "./embedded-process";
import { writeLegsTradesFile } from "./replay-recording";

export interface ReplayServer {
  baseURL: string;
  symbol: string;
  stop(): Promise<void>;
}

/**
 * A second embedded server trading only a replayed recording, sixty bars a second faster than life: what a spec
 * needs to see models act on closed bars in seconds.
 */
export async function startReplayServer(port: number, symbol: string): Promise<ReplayServer> {
  const server = await startEmbeddedProcess("replay", port, {
    MARKET_FEEDS: "replay", REPLAY_FILE: writeLegsTradesFile(6_000), REPLAY_SYMBOL: symbol, REPLAY_SPEED: "600", REPLAY_LOOP: "true",
  });
  return { ...server, symbol };
}
