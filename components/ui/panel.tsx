import type { ReactNode } from "react";

interface PanelProps {
  title: string;
  /** Grid span on wide screens, out of 12 columns. */
  span?: 3 | 4 | 5 | 6 | 7 | 8 | 12;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function Panel({ title, span = 12, actions, testId, children }: PanelProps) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className={`panel span-${span}`} aria-labelledby={id} data-testid={testId}>
      <header className="panel-header">
        <h2 id={id} className="panel-title">
          {title}
        </h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
