import type { ActionFailure } from "@/components/auth/use-server-action";

export function ActionError({ error, testId }: { error: ActionFailure | null; testId: string }) {
  if (!error) return null;
  return (
    <p className="inline-error" role="alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </p>
  );
}
