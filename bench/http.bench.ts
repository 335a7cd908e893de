import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatRate, formatRatio } from "./harness/format";
import { startBareServer } from "./http/bare-server";
import { captureBodies, measureStack, type RouteFigures, SECONDS, SETTLE_SECONDS } from "./http/measure-stack";
import { openPosition } from "./http/open-position";
import { startEmbeddedStack, startSplitStack, type Stack } from "./http/stacks";

export const name = "http";

const P99_LIMIT_MS = 200;
const TARGET_CONNECTIONS = 200;
const CLUSTER_SCALING = 1.6;
const TARGET = `at ${TARGET_CONNECTIONS} connections no request fails and p99 < ${P99_LIMIT_MS} ms for one web process (embedded and split), and PM2's cluster of 2 web processes serves >= ${CLUSTER_SCALING}x one`;

async function withStack<T>(start: () => Promise<Stack>, use: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await start();
  try {
    await openPosition(stack.baseUrl, stack.apiKey);
    return await use(stack);
  } finally {
    await stack.stop();
  }
}

/** The API's read latency and throughput in both deployments, beside a bare Node server sending the same bytes. */
export async function run(): Promise<BenchResult> {
  const [embedded, bodies] = await withStack(startEmbeddedStack, async (stack) => [await measureStack(stack), await captureBodies(stack)] as const);
  const bareServer = await startBareServer(bodies);
  const bare = await measureStack({ name: "bare node", baseUrl: bareServer.baseUrl }).finally(() => bareServer.close());
  const split1 = await withStack(() => startSplitStack(1), measureStack);
  const split2 = await withStack(() => startSplitStack(2), measureStack);
  const all = [...bare, ...embedded, ...split1, ...split2];
  const verdict = judge(embedded, split1, split2);
  return {
    name,
    title: "HTTP API: latency and throughput of /api/health, /api/positions and /api/candles, embedded and split (PM2 cluster of 1 and 2 web processes), beside bare Node",
    environment: currentEnvironment(),
    table: table(all, bare),
    target: { description: TARGET, met: verdict.met },
    notes: [
      `autocannon in the benchmark's process, one request at a time per connection (no pipelining). Each row opens its connections at once, lets them settle (${SETTLE_SECONDS[50]} s at 50, ${SETTLE_SECONDS[200]} s at 200), then counts ${SECONDS} s of requests: req/s and latency are the steady state, each response's own time, percentiles exact. A failure is a connection error, a timeout (10 s) or a status other than 2xx anywhere in the row, settling included.`,
      "\"1st max\" is the slowest first answer on a new connection. Node accepts one connection per event-loop turn (strace: one accept4 per turn, never drained to EAGAIN), so when a busy server gets 200 new connections at once the last ones wait in the kernel's accept queue for seconds; the bare server is never busy enough to show it. Behind nginx, whose upstream connections are kept alive, this is a start-up effect only.",
      "Bare node = node:http answering each path with the body the embedded app returned for it (same bytes). Embedded = `npm start`'s launcher (PGlite, in-process bus, engine trading on the simulator). Split = `tsx workers/engine.ts` on PostgreSQL and Redis plus `pm2 start ecosystem.config.cjs --only web` with WEB_INSTANCES=1 or 2. The account holds one BTCUSDT position; the API key is sent as a bearer token; the rate limiters run with limits no benchmark reaches.",
      "Everything shares this machine's cores: the load generator, the web process(es), the engine, PostgreSQL and Redis.",
      ...verdict.lines,
    ],
    figures: { config: { connections: [50, TARGET_CONNECTIONS], settleSeconds: SETTLE_SECONDS, secondsPerRow: SECONDS }, targetMet: verdict.met, bare, embedded, split1, split2, clusterRatios: verdict.clusterRatios },
  };
}

function judge(embedded: RouteFigures[], split1: RouteFigures[], split2: RouteFigures[]) {
  const atTarget = (rows: RouteFigures[]) => rows.filter((r) => r.figures.connections === TARGET_CONNECTIONS);
  const oneProcess = [...atTarget(embedded), ...atTarget(split1)];
  const latencyMisses = oneProcess.filter((r) => r.figures.failed > 0 || r.figures.p99Ms >= P99_LIMIT_MS);
  const clusterRatios = atTarget(split2).map((two) => {
    const one = atTarget(split1).find((r) => r.path === two.path)!;
    return { path: two.path, ratio: two.figures.requestsPerSecond / one.figures.requestsPerSecond };
  });
  const scalingMisses = clusterRatios.filter((r) => r.ratio < CLUSTER_SCALING);
  const lines = [
    latencyMisses.length === 0
      ? `One web process at ${TARGET_CONNECTIONS} connections: no failed request and p99 < ${P99_LIMIT_MS} ms on every route (embedded and split).`
      : `NOT met at ${TARGET_CONNECTIONS} connections: ${latencyMisses.map((r) => `${r.stack} ${r.path} p99 ${r.figures.p99Ms.toFixed(0)} ms, ${r.figures.failed} failed`).join("; ")}.`,
    `PM2 cluster of 2 vs 1 web process at ${TARGET_CONNECTIONS} connections: ${clusterRatios.map((r) => `${r.path} ${formatRatio(r.ratio)}`).join(", ")} (target >= ${CLUSTER_SCALING}x).`,
  ];
  return { met: latencyMisses.length === 0 && scalingMisses.length === 0, lines, clusterRatios };
}

function table(all: RouteFigures[], bare: RouteFigures[]) {
  const bareRate = (r: RouteFigures) => bare.find((b) => b.path === r.path && b.figures.connections === r.figures.connections)!.figures.requestsPerSecond;
  const ms = (v: number) => v.toFixed(1);
  return {
    columns: ["deployment", "route", "conns", "req/s", "vs bare", "p50 ms", "p95 ms", "p99 ms", "max ms", "1st max ms", "failed"],
    rows: all.map((r) => [
      r.stack, r.path.split("?")[0]!, String(r.figures.connections), formatRate(r.figures.requestsPerSecond),
      formatRatio(r.figures.requestsPerSecond / bareRate(r)), ms(r.figures.p50Ms), ms(r.figures.p95Ms), ms(r.figures.p99Ms), ms(r.figures.maxMs), ms(r.figures.firstResponseMaxMs), String(r.figures.failed),
    ]),
  };
}
