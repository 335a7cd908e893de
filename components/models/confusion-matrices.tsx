import type { WindowHeadline } from "@/lib/server/models/model-views";
import { ConfusionMatrix } from "./confusion-matrix";

/** The baselines whose matrices are the plainest comparison: repeat the last move, or always say the usual class. */
const SHOWN_BASELINES = ["persistence", "majority-class"];

/** The model's confusion matrix on the test window beside the persistence and majority-class baselines' on the same bars. */
export function ConfusionMatrices({ window }: { window: WindowHeadline }) {
  const baselines = SHOWN_BASELINES.flatMap((name) => window.baselines.filter((b) => b.name === name));
  return (
    <div data-testid="confusion-matrices" style={{ display: "flex", flexWrap: "wrap", gap: 16 }}>
      <ConfusionMatrix row={window.model} label={`${window.model.name} (model), test`} />
      {baselines.map((b) => (
        <ConfusionMatrix key={b.name} row={b} label={`${b.name} (baseline), test`} />
      ))}
    </div>
  );
}
