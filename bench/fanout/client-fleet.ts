/**
 * A fleet of socket.io-client connections in a process of its own (forked by fleet.ts), so parsing 1,000 copies of
 * every message does not share the event loop with the server that sends them. Each client records when each tick
 * reached its `tick` listener.
 */
import { io, type Socket } from "socket.io-client";
import type { Tick } from "@/lib/domain/market-data";
import { type ChildMessage, type FleetArm, type FleetConnect, monotonicMs, type ParentMessage } from "./fleet-protocol";

const CONNECT_CONCURRENCY = 50;
const CONNECT_TIMEOUT_MS = 20_000;

let sockets: Socket[] = [];
let armed: FleetArm | undefined;
let received = new Float64Array(0);
let outstanding = 0;
let stray = 0;
let cpuAtArm = process.cpuUsage();

function send(message: ChildMessage): void {
  process.send?.(message);
}

function record(client: number, tick: Tick): void {
  const at = monotonicMs();
  const slot = armed ? tick.seq - armed.firstSeq : -1;
  const index = armed && slot >= 0 && slot < armed.count ? client * armed.count + slot : -1;
  if (index < 0 || !Number.isNaN(received[index])) {
    stray++;
    return;
  }
  received[index] = at;
  if (--outstanding === 0) send({ type: "complete" });
}

/** One connection as the dashboard opens it: websocket only, then `subscribe` to its rooms and wait for the ack. */
function connectOne(command: FleetConnect, client: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(command.url, { path: command.path, transports: ["websocket"], forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS, extraHeaders: command.headers });
    socket.on("tick", (tick: Tick) => record(client, tick));
    socket.once("connect_error", (error) => reject(new Error(`client ${client}: ${error.message}`)));
    socket.once("connect", () => {
      if (command.rooms.length === 0) return resolve(socket);
      socket.emit("subscribe", command.rooms, (joined: string[]) => {
        if (joined.length === command.rooms.length) resolve(socket);
        else reject(new Error(`client ${client} joined ${joined.join(",")} of ${command.rooms.join(",")}`));
      });
    });
  });
}

async function connectAll(command: FleetConnect): Promise<void> {
  const started = monotonicMs();
  sockets = new Array<Socket>(command.clients);
  let next = 0;
  const lane = async () => {
    while (next < command.clients) {
      const client = next++;
      sockets[client] = await connectOne(command, client);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  send({ type: "connected", clients: sockets.length, seconds: (monotonicMs() - started) / 1000 });
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function arm(command: FleetArm): void {
  armed = command;
  received = new Float64Array(sockets.length * command.count).fill(Number.NaN);
  outstanding = received.length;
  stray = 0;
  cpuAtArm = process.cpuUsage();
  send({ type: "armed" });
}

async function handle(message: ParentMessage): Promise<void> {
  if (message.type === "connect") await connectAll(message);
  else if (message.type === "arm") arm(message);
  else send({ type: "receipts", received, stray, cpuMs: cpuMsSince(cpuAtArm) });
}

process.on("message", (message: ParentMessage) => {
  handle(message).catch((error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) }));
});
process.on("disconnect", () => process.exit(0));
