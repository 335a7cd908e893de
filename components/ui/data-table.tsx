import type { ReactNode } from "react";
import { EmptyRow } from "@/components/ui/empty-row";

export interface TableColumn {
  label: string;
  numeric?: boolean;
  /** Read to screen readers only (an actions column). */
  hidden?: boolean;
}

interface DataTableProps {
  label: string;
  testId: string;
  /** null entries are left out (optional columns). */
  columns: ReadonlyArray<TableColumn | null>;
  /** Shown as the only row when set: the caller decides when the data is loaded and empty. */
  empty?: string | null;
  scroll?: "normal" | "tall" | "none";
  /** Extra class for the table element. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}

/** The dashboard's table: labelled, with column headers, an empty-state row and a scroll container. */
export function DataTable({ label, testId, columns, empty = null, scroll = "normal", className, children }: DataTableProps) {
  const shown = columns.filter((c): c is TableColumn => c !== null);
  const table = (
    <table className={className ? `table ${className}` : "table"} data-testid={testId} aria-label={label}>
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {empty === null ? null : <EmptyRow colSpan={shown.length}>{empty}</EmptyRow>}
        {children}
      </tbody>
    </table>
  );
  if (scroll === "none") return table;
  return <div className={scroll === "tall" ? "table-scroll table-scroll-tall" : "table-scroll"}>{table}</div>;
}
