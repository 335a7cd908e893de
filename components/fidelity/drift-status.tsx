import { formatDateTime } from "@/lib/client/format";
import type { StrategyDriftView } from "@/lib/fidelity/strategy-drift-view";
import { Badge } from "@/components/ui/badge";

/** In line, or where and why live trading left the backtest of the same bars. */
export function DriftStatus({ drift }: { drift: StrategyDriftView }) {
  const divergence = drift.report?.firstDivergence;
  switch (drift.state) {
    case "disabled":
      return <Badge state="disabled">strategy off</Badge>;
    case "waiting":
      return <Badge tone="info" state="waiting">waiting for its first trade</Badge>;
    case "in-line":
      return <Badge tone="success" state="in-line" title="Same orders on the same bars as the backtest">in line</Badge>;
    case "diverged":
      return (
        <>
          <Badge tone="danger" state="diverged">diverged</Badge>{" "}
          <span data-testid="drift-reason">
            at {formatDateTime(divergence?.barOpenTime)}: {divergence?.reason}
          </span>
        </>
      );
  }
}
