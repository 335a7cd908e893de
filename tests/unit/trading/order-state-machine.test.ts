import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/domain/order";
import {
  InvalidOrderTransition,
  canTransition,
  isOpen,
  isTerminal,
  transition,
  type OrderEvent,
} from "@/lib/domain/order-state-machine";

const SIMPLE_EVENTS = ["ACCEPT", "PARTIAL_FILL", "FILL", "CANCEL", "REJECT", "MARK_UNKNOWN"] as const;

/** The whole legal table, written out independently of the implementation. Everything else must throw. */
const ALLOWED: Record<string, OrderStatus> = {
  "NEW ACCEPT": "ACCEPTED",
  "NEW REJECT": "REJECTED",
  "NEW MARK_UNKNOWN": "UNKNOWN",
  "NEW CANCEL": "CANCELED",
  "ACCEPTED PARTIAL_FILL": "PARTIALLY_FILLED",
  "ACCEPTED FILL": "FILLED",
  "ACCEPTED CANCEL": "CANCELED",
  "ACCEPTED MARK_UNKNOWN": "UNKNOWN",
  "PARTIALLY_FILLED PARTIAL_FILL": "PARTIALLY_FILLED",
  "PARTIALLY_FILLED FILL": "FILLED",
  "PARTIALLY_FILLED CANCEL": "CANCELED",
  "PARTIALLY_FILLED MARK_UNKNOWN": "UNKNOWN",
  "UNKNOWN RESOLVE:ACCEPTED": "ACCEPTED",
  "UNKNOWN RESOLVE:PARTIALLY_FILLED": "PARTIALLY_FILLED",
  "UNKNOWN RESOLVE:FILLED": "FILLED",
  "UNKNOWN RESOLVE:CANCELED": "CANCELED",
  "UNKNOWN RESOLVE:REJECTED": "REJECTED",
};

function allEvents(): { key: string; event: OrderEvent }[] {
  const simple = SIMPLE_EVENTS.map((type) => ({ key: type, event: { type } as OrderEvent }));
  const resolves = ORDER_STATUSES.map((to) => ({ key: `RESOLVE:${to}`, event: { type: "RESOLVE", to } as OrderEvent }));
  return [...simple, ...resolves];
}

const cases = ORDER_STATUSES.flatMap((from) => allEvents().map(({ key, event }) => ({ from, key, event })));

describe("order state machine", () => {
  it.each(cases.filter((c) => `${c.from} ${c.key}` in ALLOWED))("allows $from on $key", ({ from, key, event }) => {
    expect(canTransition(from, event)).toBe(true);
    expect(transition(from, event)).toBe(ALLOWED[`${from} ${key}`]);
  });

  it.each(cases.filter((c) => !(`${c.from} ${c.key}` in ALLOWED)))("refuses $from on $key", ({ from, event }) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => transition(from, event)).toThrow(InvalidOrderTransition);
  });

  it("reports the refused move on the error", () => {
    try {
      transition("FILLED", { type: "CANCEL" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOrderTransition);
      const e = error as InvalidOrderTransition;
      expect(e.from).toBe("FILLED");
      expect(e.event).toEqual({ type: "CANCEL" });
      expect(e.message).toContain("FILLED on CANCEL");
    }
  });

  it("checks every pair exactly once (17 allowed of 7 statuses x 13 events)", () => {
    expect(cases).toHaveLength(7 * 13);
    expect(cases.filter((c) => canTransition(c.from, c.event))).toHaveLength(17);
  });

  it("classifies terminal and open statuses", () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(["FILLED", "CANCELED", "REJECTED"]);
    expect(ORDER_STATUSES.filter(isOpen)).toEqual(["NEW", "ACCEPTED", "PARTIALLY_FILLED", "UNKNOWN"]);
  });

  it("terminal statuses accept no event at all", () => {
    for (const status of ORDER_STATUSES.filter(isTerminal)) {
      for (const { event } of allEvents()) expect(canTransition(status, event)).toBe(false);
    }
  });
});
