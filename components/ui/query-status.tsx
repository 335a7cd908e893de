import { errorText } from "@/lib/client/api-client";

interface QueryStatusProps {
  isPending: boolean;
  error: Error | null;
  label: string;
}

/** Loading or error line for a panel's data; renders nothing once data is there. */
export function QueryStatus({ isPending, error, label }: QueryStatusProps) {
  if (error) {
    return (
      <p className="query-status query-error" role="alert">
        Could not load {label}: {errorText(error)}
      </p>
    );
  }
  if (isPending) {
    return (
      <p className="query-status" aria-busy="true">
        Loading {label}…
      </p>
    );
  }
  return null;
}
