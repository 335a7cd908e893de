import { closeOnShutdown } from "@/lib/runtime/closers";
import type { Services } from "@/lib/runtime/services";
import type { JobQueue } from "./job-queue";

/** Nothing would ever run the job: no runner in this process and no Redis to hand it to a jobs process. */
export class NoJobRunner extends Error {
  constructor() {
    super("Background jobs are not available: set REDIS_URL and run `npm run start:jobs` (split mode)");
    this.name = "NoJobRunner";
  }
}

const producers = new WeakMap<Services, Promise<JobQueue>>();

/**
 * The queue this process enqueues into: the in-process runner when startJobs runs here (embedded mode), otherwise a
 * BullMQ producer created on first use (a split-mode web process; the `start:jobs` processes consume).
 */
export function jobProducer(services: Services): Promise<JobQueue> {
  if (services.jobs) return Promise.resolve(services.jobs);
  if (!services.config.REDIS_URL) return Promise.reject(new NoJobRunner());
  let producer = producers.get(services);
  if (!producer) {
    producer = import("./bullmq-job-queue").then(({ BullmqJobQueue }) => {
      const queue = new BullmqJobQueue(services.config.REDIS_URL!);
      closeOnShutdown("job producer", () => queue.close());
      return queue;
    });
    producers.set(services, producer);
  }
  return producer;
}
