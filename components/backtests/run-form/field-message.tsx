/** A field's error (or, without one, its hint), outside the label so it describes the control rather than naming it. */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error) {
    return (
      <span id={id} className="inline-error">
        {error}
      </span>
    );
  }
  return hint ? (
    <span id={id} className="field-hint">
      {hint}
    </span>
  ) : null;
}
