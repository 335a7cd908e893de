"use client";

import { useState } from "react";
import type { Mismatch, MismatchAction } from "@/lib/engine/live/mismatch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { EMPTY } from "@/lib/client/format";
import { useResolveMismatch } from "./use-venue-actions";
import { resolveWording } from "./venue-words";

const COLUMNS = [{ label: "Kind" }, { label: "Symbol" }, { label: "What differs" }, { label: "Ours" }, { label: "Venue" }, { label: "Actions", hidden: true }];
const ACTION_LABEL: Record<MismatchAction, string> = { adopt: "Adopt", cancel: "Cancel" };

type Pending = { mismatch: Mismatch; action: MismatchAction };

/** Each way the books disagree; a trader answers with one of the actions the mismatch allows, after a confirmation. */
export function MismatchTable({ mismatches, canResolve }: { mismatches: Mismatch[]; canResolve: boolean }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const resolve = useResolveMismatch();
  const wording = pending ? resolveWording(pending.mismatch, pending.action) : null;

  return (
    <>
      <DataTable label="Reconciliation mismatches" testId="mismatch-table" columns={COLUMNS} scroll="none" empty={mismatches.length === 0 ? "No mismatches" : null}>
        {mismatches.map((m) => (
          <tr key={m.id} data-testid="mismatch-row" data-kind={m.kind}>
            <td>{m.kind}</td>
            <th scope="row">{m.symbol}</th>
            <td>{m.message}</td>
            <td className="num">{m.ours ?? EMPTY}</td>
            <td className="num">{m.venue ?? EMPTY}</td>
            <td>
              {canResolve ? m.actions.map((action) => (
                <button key={action} type="button" className="button button-small" disabled={resolve.isPending} data-testid={`mismatch-${action}`}
                  onClick={() => setPending({ mismatch: m, action })}>
                  {ACTION_LABEL[action]}
                </button>
              )) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {resolve.error ? <p className="inline-error" role="alert" data-testid="mismatch-error">{resolve.error.message}</p> : null}
      <ConfirmDialog
        open={pending !== null}
        title={wording?.title ?? ""}
        message={wording?.message ?? ""}
        confirmLabel={wording?.confirmLabel ?? ""}
        danger={pending?.action === "cancel"}
        testId="mismatch-dialog"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) resolve.mutate({ mismatchId: pending.mismatch.id, action: pending.action });
          setPending(null);
        }}
      />
    </>
  );
}
