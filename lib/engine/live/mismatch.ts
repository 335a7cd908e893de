import type { Decimal } from "decimal.js";
import type { Order } from "@/lib/domain/order";
import type { VenueOrder, VenuePosition } from "@/lib/execution/live-venue";

export type MismatchAction = "adopt" | "cancel";

/** One way the venue's books and ours disagree, with what a trader can do about it. */
export interface Mismatch {
  /** Stable across runs, so an action names what the trader saw. */
  id: string;
  kind: "venue-order" | "missing-order" | "position";
  symbol: string;
  message: string;
  ours: string | null;
  venue: string | null;
  actions: MismatchAction[];
}

export type ReconciliationPhase = "pending" | "reconciling" | "agreed" | "mismatch" | "failed";

export interface ReconciliationState {
  venue: string;
  phase: ReconciliationPhase;
  checkedAt: number | null;
  mismatches: Mismatch[];
  /** Why the last run could not finish, in plain words. */
  error: string | null;
}

function describeOrder(o: Pick<VenueOrder, "side" | "type" | "quantity" | "price" | "filledQuantity">): string {
  return `${o.side} ${o.quantity} ${o.type}${o.price ? ` @ ${o.price}` : ""}, filled ${o.filledQuantity}`;
}

export function venueOrderMismatch(record: VenueOrder): Mismatch {
  return {
    id: `venue-order:${record.venueOrderId}`, kind: "venue-order", symbol: record.symbol,
    message: `The venue has an open order the platform does not track (${record.clientOrderId ? `client order id ${record.clientOrderId}` : "placed outside the platform"}).`,
    ours: null, venue: describeOrder(record), actions: ["adopt", "cancel"],
  };
}

export function missingOrderMismatch(order: Order): Mismatch {
  return {
    id: `missing-order:${order.id}`, kind: "missing-order", symbol: order.symbol,
    message: `Order ${order.clientOrderId} is open here but the venue has no record of it; adopting the venue's view closes it.`,
    ours: describeOrder({ ...order, type: order.type === "MARKET" ? "MARKET" : "LIMIT", price: order.price ?? null }), venue: null, actions: ["adopt"],
  };
}

export function positionMismatch(symbol: string, ours: Decimal, venue: VenuePosition | undefined): Mismatch {
  return {
    id: `position:${symbol}`, kind: "position", symbol,
    message: `The position differs from the venue's; adopting books the difference at the venue's average price.`,
    ours: ours.toFixed(), venue: venue?.quantity ?? "0", actions: ["adopt"],
  };
}
