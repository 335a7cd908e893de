import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

interface BadgeProps {
  tone?: BadgeTone;
  title?: string;
  testId?: string;
  /** Machine-readable state for tests and styling. */
  state?: string;
  children: ReactNode;
}

export function Badge({ tone = "neutral", title, testId, state, children }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`} title={title} data-testid={testId} data-state={state}>
      {children}
    </span>
  );
}
