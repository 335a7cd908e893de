import { Gauge, type Registry } from "prom-client";
import { within } from "./within";

/** The job states exported per queue, named as BullMQ names them. */
export const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Counts by state, read at scrape time; a state left out is not exported (the queue has no such notion). */
export type ReadQueueDepths = () => Promise<Partial<Record<QueueState, number>>>;

export interface QueueDepthMetrics {
  /** Exports the queue's depths from this process until the returned function is called. */
  track(queue: string, read: ReadQueueDepths): () => void;
}

const READ_TIMEOUT_MS = 2_000;

/**
 * tradeforge_queue_jobs{queue,state}: read when Prometheus scrapes (one BullMQ getJobCounts per queue), never on
 * a timer. A queue whose counts cannot be read (Redis down) has no samples that scrape; tradeforge_redis_up says why.
 */
export function defineQueueDepthMetrics(registry: Registry): QueueDepthMetrics {
  const readers = new Map<string, ReadQueueDepths>();
  new Gauge({
    name: "tradeforge_queue_jobs",
    help: "Jobs in each state of a job queue, as the process that runs the queue reads them at scrape time",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      const read = await Promise.all([...readers].map(async ([queue, readDepths]) => ({ queue, depths: await within(readDepths(), READ_TIMEOUT_MS).catch(() => undefined) })));
      this.reset();
      for (const { queue, depths } of read) {
        for (const state of QUEUE_STATES) {
          const count = depths?.[state];
          if (count !== undefined && Number.isFinite(count)) this.set({ queue, state }, count);
        }
      }
    },
  });
  return {
    track(queue, read) {
      readers.set(queue, read);
      return () => {
        if (readers.get(queue) === read) readers.delete(queue);
      };
    },
  };
}
