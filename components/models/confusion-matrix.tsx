import type { MetricHeadline } from "@/lib/server/models/model-views";

const CLASSES = ["down", "flat", "up"] as const;

/** Counts with each row's share: rows are what happened, columns what was predicted; the diagonal is right. */
export function ConfusionMatrix({ row, label }: { row: MetricHeadline; label: string }) {
  return (
    <figure className="metrics-window" data-testid="confusion-matrix" data-predictor={row.name}>
      <figcaption>{label}</figcaption>
      <table className="table stats-table" aria-label={`Confusion matrix of ${label}`}>
        <thead>
          <tr>
            <th scope="col">actual \ predicted</th>
            {CLASSES.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row.confusion.map((counts, actual) => {
            const total = counts.reduce((a, b) => a + b, 0);
            return (
              <tr key={CLASSES[actual]}>
                <th scope="row">{CLASSES[actual]}</th>
                {counts.map((count, predicted) => (
                  <td key={CLASSES[predicted]} className="num" style={predicted === actual ? { fontWeight: 700 } : undefined}>
                    {count} ({total > 0 ? Math.round((100 * count) / total) : 0} %)
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
