/**
 * A fleet of dashboard connections in a process of its own (forked by fleet.ts), so reading 1,000 copies of every
 * message does not share the event loop with the server that sends them. Client 0 is a real socket.io-client, the
 * protocol check; the others are minimal protocol clients (minimal-socketio-client.ts), so the fleet's own cost per
 * message stays small. Each client records when each tick reached it.
 */
import { io, type Socket } from "socket.io-client";
import type { Tick } from "@/lib/domain/market-data";
import { type ChildMessage, type FleetArm, type FleetConnect, monotonicMs, type ParentMessage } from "./fleet-protocol";
import { MinimalSocketIoClient } from "./minimal-socketio-client";

const CONNECT_CONCURRENCY = 50;
const CONNECT_TIMEOUT_MS = 20_000;
const REFERENCE = 0;

let connections: { close(): void }[] = [];
let withReference = false;
let armed: FleetArm | undefined;
let received = new Float64Array(0);
let outstanding = 0;
let stray = 0;
let cpuAtArm = process.cpuUsage();
/** The last tick the reference client and one minimal client got, compared field for field at collect. */
const lastTick: { reference?: Tick; minimal?: Tick } = {};

function send(message: ChildMessage): void {
  process.send?.(message);
}

function record(client: number, tick: Tick): void {
  const at = monotonicMs();
  const slot = armed ? tick.seq - armed.firstSeq : -1;
  const index = armed && slot >= 0 && slot < armed.count ? client * armed.count + slot : -1;
  if (withReference && client <= REFERENCE + 1) lastTick[client === REFERENCE ? "reference" : "minimal"] = tick;
  if (index < 0 || !Number.isNaN(received[index])) {
    stray++;
    return;
  }
  received[index] = at;
  if (--outstanding === 0) send({ type: "complete" });
}

/** The protocol check: socket.io-client, as the dashboard opens it (websocket only, then `subscribe` with an ack). */
function connectReference(command: FleetConnect, client: number): Promise<Socket> {
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

/** The same handshake, subscribe and ack as the reference, spoken directly. */
async function connectMinimal(command: FleetConnect, client: number): Promise<MinimalSocketIoClient> {
  const connection = await MinimalSocketIoClient.connect({
    url: command.url, path: command.path, headers: command.headers, timeoutMs: CONNECT_TIMEOUT_MS, onTick: (tick) => record(client, tick as Tick),
  }).catch((error: Error) => Promise.reject(new Error(`client ${client}: ${error.message}`)));
  if (command.rooms.length === 0) return connection;
  const joined = await connection.subscribe(command.rooms);
  if (joined.length !== command.rooms.length) throw new Error(`client ${client} joined ${joined.join(",")} of ${command.rooms.join(",")}`);
  return connection;
}

async function connectAll(command: FleetConnect): Promise<void> {
  const started = monotonicMs();
  connections = new Array(command.clients);
  withReference = command.withReference;
  let next = 0;
  const lane = async () => {
    while (next < command.clients) {
      const client = next++;
      const real = command.library === "socket.io-client" || (client === REFERENCE && withReference);
      connections[client] = real ? await connectReference(command, client) : await connectMinimal(command, client);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  send({ type: "connected", clients: connections.length, seconds: (monotonicMs() - started) / 1000 });
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function arm(command: FleetArm): void {
  armed = command;
  received = new Float64Array(connections.length * command.count).fill(Number.NaN);
  outstanding = received.length;
  stray = 0;
  cpuAtArm = process.cpuUsage();
  send({ type: "armed" });
}

/** The protocol check's second half (the first is in the parent): the reference got what a minimal client got. */
function sameLastTick(): boolean | undefined {
  if (!lastTick.reference) return undefined;
  return JSON.stringify(lastTick.reference) === JSON.stringify(lastTick.minimal);
}

async function handle(message: ParentMessage): Promise<void> {
  if (message.type === "connect") await connectAll(message);
  else if (message.type === "arm") arm(message);
  else send({ type: "receipts", received, stray, cpuMs: cpuMsSince(cpuAtArm), sameLastTick: sameLastTick() });
}

process.on("message", (message: ParentMessage) => {
  handle(message).catch((error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) }));
});
process.on("disconnect", () => process.exit(0));
