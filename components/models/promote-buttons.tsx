"use client";

import { useState } from "react";
import type { PromotionTarget } from "@/lib/ml/registry/model-status";
import type { ModelVersionView } from "@/lib/server/models/model-views";
import { errorText } from "@/lib/client/api-client";
import { usePromoteModel } from "@/lib/client/use-model-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const TARGETS: ReadonlyArray<{ status: PromotionTarget; label: string; consequence: string }> = [
  { status: "shadow", label: "Shadow", consequence: "Shadow versions run alongside the production version." },
  { status: "production", label: "Production", consequence: "The version of this name now in production is archived in the same step." },
  { status: "archived", label: "Archive", consequence: "It leaves candidate, shadow or production status." },
];

/** Admin only (the page decides; the API checks again): move a version to shadow, production or archived, confirmed first. */
export function PromoteButtons({ version }: { version: ModelVersionView }) {
  const promote = usePromoteModel();
  const [target, setTarget] = useState<(typeof TARGETS)[number] | null>(null);
  const label = `${version.name} v${version.version}`;
  return (
    <>
      {TARGETS.filter((t) => t.status !== version.status).map((t) => (
        <button
          key={t.status}
          type="button"
          className={t.status === "archived" ? "button button-small" : "button button-small button-primary"}
          disabled={promote.isPending}
          onClick={() => setTarget(t)}
          aria-label={`${t.label}: ${label}`}
        >
          {t.label}
        </button>
      ))}
      {promote.error ? (
        <span className="inline-error" role="alert">
          {errorText(promote.error)}
        </span>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        title={target ? `Move ${label} to ${target.status}?` : ""}
        message={target?.consequence ?? ""}
        confirmLabel={target?.label ?? ""}
        danger={target?.status === "production"}
        testId="promote-dialog"
        onCancel={() => setTarget(null)}
        onConfirm={() => {
          if (target) promote.mutate({ id: version.id, status: target.status });
          setTarget(null);
        }}
      />
    </>
  );
}
