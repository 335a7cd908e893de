/** A timestamp in UTC, so the server render and the browser agree whatever their time zones. */
export function UtcTime({ at }: { at: number | null }) {
  if (at === null) return <span className="text-faint">—</span>;
  const iso = new Date(at).toISOString();
  return (
    <time dateTime={iso} className="tabular">
      {iso.slice(0, 19).replace("T", " ")} UTC
    </time>
  );
}
