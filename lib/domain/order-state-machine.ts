import { OPEN_STATUSES, type OrderStatus } from "@/lib/domain/order";

/** Statuses an UNKNOWN order may be resolved to once the venue has been asked (by client order id). */
export const RESOLVE_TARGETS = ["ACCEPTED", "PARTIALLY_FILLED", "FILLED", "CANCELED", "REJECTED"] as const;
export type ResolveTarget = (typeof RESOLVE_TARGETS)[number];

export type OrderEvent =
  | { type: "ACCEPT" }
  | { type: "PARTIAL_FILL" }
  | { type: "FILL" }
  | { type: "CANCEL" }
  | { type: "REJECT" }
  | { type: "MARK_UNKNOWN" }
  | { type: "RESOLVE"; to: ResolveTarget };

export type OrderEventType = OrderEvent["type"];

export const TERMINAL_STATUSES: readonly OrderStatus[] = ["FILLED", "CANCELED", "REJECTED"];

type SimpleEventType = Exclude<OrderEventType, "RESOLVE">;

/** Every legal move; anything absent is refused. UNKNOWN only leaves via RESOLVE (handled separately). */
const TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<SimpleEventType, OrderStatus>>>> = {
  NEW: { ACCEPT: "ACCEPTED", REJECT: "REJECTED", MARK_UNKNOWN: "UNKNOWN", CANCEL: "CANCELED" },
  ACCEPTED: { PARTIAL_FILL: "PARTIALLY_FILLED", FILL: "FILLED", CANCEL: "CANCELED", MARK_UNKNOWN: "UNKNOWN" },
  PARTIALLY_FILLED: { PARTIAL_FILL: "PARTIALLY_FILLED", FILL: "FILLED", CANCEL: "CANCELED", MARK_UNKNOWN: "UNKNOWN" },
  UNKNOWN: {},
  FILLED: {},
  CANCELED: {},
  REJECTED: {},
};

export class InvalidOrderTransition extends Error {
  readonly from: OrderStatus;
  readonly event: OrderEvent;

  constructor(from: OrderStatus, event: OrderEvent) {
    const target = event.type === "RESOLVE" ? ` to ${event.to}` : "";
    super(`Illegal order transition: ${from} on ${event.type}${target}`);
    this.name = "InvalidOrderTransition";
    this.from = from;
    this.event = event;
  }
}

function nextStatus(from: OrderStatus, event: OrderEvent): OrderStatus | null {
  if (event.type === "RESOLVE") {
    const legal = from === "UNKNOWN" && (RESOLVE_TARGETS as readonly string[]).includes(event.to);
    return legal ? event.to : null;
  }
  return TRANSITIONS[from][event.type] ?? null;
}

/** Returns the status after the event, or throws InvalidOrderTransition. */
export function transition(from: OrderStatus, event: OrderEvent): OrderStatus {
  const next = nextStatus(from, event);
  if (next === null) throw new InvalidOrderTransition(from, event);
  return next;
}

export function canTransition(from: OrderStatus, event: OrderEvent): boolean {
  return nextStatus(from, event) !== null;
}

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** NEW and UNKNOWN count as open: the order may still be live at the venue. */
export function isOpen(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
