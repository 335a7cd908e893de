import type { Decimal } from "decimal.js";
import type { Logger } from "pino";
import { dec } from "@/lib/domain/money";
import type { LiveVenue, VenueOrder, VenuePosition } from "@/lib/execution/live-venue";
import { rejection, type RiskRejection } from "@/lib/risk/reason-codes";
import type { LiveExecution } from "./live-execution";
import { missingOrderMismatch, positionMismatch, venueOrderMismatch, type Mismatch, type MismatchAction, type ReconciliationState } from "./mismatch";

export interface ReconcilerDeps {
  venue: LiveVenue;
  execution: LiveExecution;
  /** The symbols whose orders go to this venue: only their positions and orders are compared. */
  symbols: readonly string[];
  positionQuantity(symbol: string): Decimal;
  /** Starts tracking an order placed outside the platform (journal + execution). */
  adoptOrder(record: VenueOrder, actor: string): Promise<void>;
  /** Books `delta` so our position equals the venue's. */
  adjustPosition(symbol: string, delta: Decimal, venue: VenuePosition | undefined, actor: string): Promise<void>;
  changed(state: ReconciliationState): void;
  log: Logger;
  now: () => number;
}

// Executions are caught up from a little before the last run, so one the venue stamped late is not missed.
const CATCH_UP_OVERLAP_MS = 60_000;
// A fill may land between reading positions and comparing them: a position mismatch is confirmed once.
const CONFIRM_DELAY_MS = 500;

/**
 * Compares the venue's open orders and positions with ours on start and after every reconnect, adopts what the
 * venue says where that is unambiguous, and lists the rest for a trader. New orders wait until the books agree.
 */
export class Reconciler {
  private state: ReconciliationState;
  private running: Promise<ReconciliationState> | null = null;
  private rerun = false;
  private lastRunAt: number;

  constructor(private readonly deps: ReconcilerDeps, catchUpFrom: number) {
    this.state = { venue: deps.venue.name, phase: "pending", checkedAt: null, mismatches: [], error: null };
    this.lastRunAt = catchUpFrom + CATCH_UP_OVERLAP_MS;
  }

  current(): ReconciliationState {
    return this.state;
  }

  /** Why new orders to this venue are refused now, or null. */
  blocked(): RiskRejection | null {
    const { phase, mismatches, error } = this.state;
    if (phase === "agreed") return null;
    if (phase === "mismatch") return rejection("VENUE_NOT_RECONCILED", `${mismatches.length} mismatch(es) with ${this.deps.venue.name} to resolve`);
    return rejection("VENUE_NOT_RECONCILED", error ?? `${this.deps.venue.name}: reconciliation ${phase}`);
  }

  /** Runs now, or once more after the run in progress. */
  run(): Promise<ReconciliationState> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.runLoop().finally(() => (this.running = null));
    return this.running;
  }

  private async runLoop(): Promise<ReconciliationState> {
    do {
      this.rerun = false;
      this.publish({ ...this.state, phase: "reconciling" });
      const startedAt = this.deps.now();
      try {
        const mismatches = await this.compare(this.lastRunAt - CATCH_UP_OVERLAP_MS);
        this.lastRunAt = startedAt;
        this.publish({ venue: this.deps.venue.name, phase: mismatches.length === 0 ? "agreed" : "mismatch", checkedAt: this.deps.now(), mismatches, error: null });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.deps.log.warn({ err: error, venue: this.deps.venue.name }, "reconciliation failed");
        this.publish({ ...this.state, phase: "failed", checkedAt: this.deps.now(), error: `Reconciliation with ${this.deps.venue.name} failed: ${message}` });
      }
    } while (this.rerun);
    return this.state;
  }

  private async compare(catchUpSince: number): Promise<Mismatch[]> {
    const { venue, execution } = this.deps;
    await execution.catchUp(catchUpSince);
    const [records, positions] = await Promise.all([venue.openOrders(), venue.positions()]);
    const mismatches = await this.compareOrders(records.filter((r) => this.deps.symbols.includes(r.symbol)));
    let positionMismatches = this.comparePositions(positions);
    if (positionMismatches.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS));
      await execution.catchUp(catchUpSince);
      positionMismatches = this.comparePositions(await venue.positions());
    }
    return [...mismatches, ...positionMismatches];
  }

  private async compareOrders(records: readonly VenueOrder[]): Promise<Mismatch[]> {
    const { execution, venue } = this.deps;
    const mismatches: Mismatch[] = [];
    const atVenue = new Set<string>();
    for (const record of records) {
      const ours = execution.find(record.clientOrderId, record.venueOrderId);
      if (!ours) {
        mismatches.push(venueOrderMismatch(record));
        continue;
      }
      atVenue.add(ours.id);
      await execution.sync(ours.id, record);
    }
    // NEW orders are on their way and UNKNOWN ones are being looked up: both settle on their own.
    for (const ours of execution.openOrders().filter((o) => !atVenue.has(o.id) && o.status !== "NEW" && o.status !== "UNKNOWN")) {
      const record = await venue.lookup(ours.symbol, ours.clientOrderId);
      if (record) await execution.sync(ours.id, record);
      else mismatches.push(missingOrderMismatch(ours));
    }
    return mismatches;
  }

  private comparePositions(positions: readonly VenuePosition[]): Mismatch[] {
    const mismatches: Mismatch[] = [];
    for (const symbol of this.deps.symbols) {
      const theirs = positions.find((p) => p.symbol === symbol);
      const ours = this.deps.positionQuantity(symbol);
      if (!ours.eq(dec(theirs?.quantity ?? "0"))) mismatches.push(positionMismatch(symbol, ours, theirs));
    }
    return mismatches;
  }

  /** A trader's answer to one mismatch; then the books are compared again. */
  async resolve(mismatchId: string, action: MismatchAction, actor: string): Promise<ReconciliationState> {
    const mismatch = this.state.mismatches.find((m) => m.id === mismatchId);
    if (!mismatch) throw new Error(`No mismatch ${mismatchId} (it may have been resolved already)`);
    if (!mismatch.actions.includes(action)) throw new Error(`"${action}" is not possible for ${mismatch.kind}`);
    await this.apply(mismatch, action, actor);
    return this.run();
  }

  private async apply(mismatch: Mismatch, action: MismatchAction, actor: string): Promise<void> {
    const { venue, execution } = this.deps;
    const [, key] = mismatch.id.split(/:(.*)/s);
    if (mismatch.kind === "missing-order") return execution.dropMissing(key!);
    if (mismatch.kind === "position") {
      const theirs = (await venue.positions()).find((p) => p.symbol === mismatch.symbol);
      const delta = dec(theirs?.quantity ?? "0").sub(this.deps.positionQuantity(mismatch.symbol));
      if (!delta.isZero()) await this.deps.adjustPosition(mismatch.symbol, delta, theirs, actor);
      return;
    }
    const record = (await venue.openOrders()).find((r) => r.venueOrderId === key);
    if (!record) return;
    await this.deps.adoptOrder(record, actor);
    if (action === "cancel") {
      const adopted = execution.find(record.clientOrderId, record.venueOrderId);
      if (adopted) await execution.cancel(adopted.id);
    }
  }

  private publish(state: ReconciliationState): void {
    this.state = state;
    this.deps.changed(state);
  }
}
