import type { OrderResultView } from "@/lib/client/order-result";

type TicketMessage = OrderResultView | { outcome: "invalid"; text: string };

/** The outcome of the last submission, announced to screen readers. */
export function TicketResult({ message }: { message: TicketMessage | null }) {
  return (
    <p
      className={`ticket-result${message ? ` ticket-result-${message.outcome}` : ""}`}
      role="status"
      aria-live="polite"
      data-testid="ticket-result"
      data-state={message?.outcome ?? "idle"}
    >
      {message?.text ?? ""}
    </p>
  );
}

export type { TicketMessage };
