import { type AlertDelivery, type AlertDeliveryOptions, createAlertDelivery } from "./alert-delivery";

export interface AlertDeliveryWorker extends AlertDelivery {
  /** Stops polling and waits for the round in flight (at most one timeout per channel). */
  stop(): Promise<void>;
}

export const DEFAULT_POLL_MS = 1_000;

/** Polls the delivery queue every `pollMs` and sends what is due; a failed round is logged and the next one runs. */
export function startAlertDelivery(options: AlertDeliveryOptions & { pollMs?: number }): AlertDeliveryWorker {
  const delivery = createAlertDelivery(options);
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  const round = async () => {
    try {
      await delivery.deliverDue();
    } catch (error) {
      options.log.error({ err: error }, "alert delivery round failed");
    }
  };
  const loop = () => {
    if (stopped) return;
    inFlight = round().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  loop();

  return {
    deliverDue: () => delivery.deliverDue(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
