import type { Config } from "@/lib/config";
import type { JobQueue } from "./job-queue";
import type { JobRunRecorder } from "./job-run-recorder";
import { MemoryJobQueue } from "./memory-job-queue";

type OnFailure = (name: string, error: unknown, willRetry: boolean) => void;

/** One factory: BullMQ when REDIS_URL is set, the in-process runner otherwise. Every attempt goes to the recorder. */
export async function createJobQueue(config: Pick<Config, "REDIS_URL">, onFailure?: OnFailure, recorder?: JobRunRecorder): Promise<JobQueue> {
  if (!config.REDIS_URL) return new MemoryJobQueue(onFailure, recorder);
  const { BullmqJobQueue } = await import("./bullmq-job-queue");
  return new BullmqJobQueue(config.REDIS_URL, onFailure, undefined, recorder);
}
