import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import { StepGrid } from "@/lib/execution/step-grid";

/** An instrument's tick and lot grids and minimum quantity, parsed once. */
export interface InstrumentGrid {
  tick: StepGrid;
  lot: StepGrid;
  minQty: Decimal;
}

interface Cached extends InstrumentGrid {
  tickSize: string;
  lotSize: string;
  minQtyText: string;
}

const grids = new WeakMap<Instrument, Cached>();

/** Cached per instrument object; rebuilt if its tick size, lot size or minimum quantity was changed in place. */
export function instrumentGrid(instrument: Instrument): InstrumentGrid {
  const cached = grids.get(instrument);
  if (cached !== undefined && cached.tickSize === instrument.tickSize && cached.lotSize === instrument.lotSize && cached.minQtyText === instrument.minQty) {
    return cached;
  }
  const fresh: Cached = {
    tick: new StepGrid(instrument.tickSize),
    lot: new StepGrid(instrument.lotSize),
    minQty: dec(instrument.minQty),
    tickSize: instrument.tickSize,
    lotSize: instrument.lotSize,
    minQtyText: instrument.minQty,
  };
  grids.set(instrument, fresh);
  return fresh;
}
