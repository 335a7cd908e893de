import { z } from "zod";
import { backtestDataSchema } from "@/lib/backtest/jobs/backtest-request";

const isoTime = z.iso.datetime({ offset: true });

/**
 * What a trader asks to train, as the API and the job carry it. Sizes are bounded so a request cannot occupy the
 * jobs process for hours: these are small models for research, trained on CPU.
 */
export const trainingRequestSchema = z
  .object({
    /** An uploaded dataset (POST /api/backtests/datasets) or the engine's stored bars by symbol and interval. */
    data: backtestDataSchema,
    /** Only bars with open time in [from, to) are used; both optional. */
    period: z.object({ from: isoTime.optional(), to: isoTime.optional() }).strict().default({}),
    /** Bars built from a trades recording. */
    barInterval: z.enum(["1m", "5m", "1h"]).default("5m"),
    horizon: z.number().int().min(1).max(100).default(6),
    deadZone: z.number().min(0).max(0.5).default(0.001),
    /** Bars left empty between one split's label windows and the next split. */
    embargo: z.number().int().min(0).max(500).default(2),
    split: z
      .object({ train: z.number().gt(0).lt(1), validation: z.number().gt(0).lt(1) })
      .strict()
      .refine((s) => s.train + s.validation < 0.95, "train + validation must leave at least 5 % for the test part")
      .default({ train: 0.6, validation: 0.2 }),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
    forest: z.object({ trees: z.number().int().min(1).max(100).default(15), maxDepth: z.number().int().min(1).max(12).default(5) }).strict().default({ trees: 15, maxDepth: 5 }),
    lstm: z
      .object({ windowLength: z.number().int().min(2).max(60).default(10), units: z.number().int().min(2).max(64).default(8), epochs: z.number().int().min(1).max(50).default(4) })
      .strict()
      .default({ windowLength: 10, units: 8, epochs: 4 }),
    dqn: z
      .object({ hiddenUnits: z.number().int().min(2).max(64).default(16), episodes: z.number().int().min(1).max(50).default(3) })
      .strict()
      .default({ hiddenUnits: 16, episodes: 3 }),
    costs: z
      .object({ commission: z.number().min(0).lt(0.1).default(0.0005), slippageBps: z.number().min(0).max(100).default(1) })
      .strict()
      .default({ commission: 0.0005, slippageBps: 1 }),
  })
  .strict();

export type TrainingRequest = z.infer<typeof trainingRequestSchema>;
