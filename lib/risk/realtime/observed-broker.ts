import type { BrokerEvent } from "@/lib/execution/broker";
import type { RestorableBroker } from "@/lib/engine/order-router";

/**
 * The venue, with every batch of events it returns shown to `observe` first. The router applies a batch's fills to
 * the portfolio synchronously right after, so an observer sees each fill with the position as it was before it.
 */
export function observeBroker(broker: RestorableBroker, observe: (events: readonly BrokerEvent[]) => void): RestorableBroker {
  const seen = (events: readonly BrokerEvent[]) => {
    if (events.length > 0) observe(events);
    return events;
  };
  return {
    venue: broker.venue,
    submit: (order) => seen(broker.submit(order)),
    onTick: (tick) => seen(broker.onTick(tick)),
    cancel: (orderId) => {
      const result = broker.cancel(orderId);
      if (result.ok) seen(result.events);
      return result;
    },
    amend: (orderId, change) => {
      const result = broker.amend(orderId, change);
      if (result.ok) seen(result.events);
      return result;
    },
    openOrders: () => broker.openOrders(),
    restore: (open) => broker.restore(open),
  };
}
