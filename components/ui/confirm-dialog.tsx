"use client";

import { useEffect, useId, useRef } from "react";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  testId?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation on the native <dialog> (focus trap, Escape and backdrop for free). */
export function ConfirmDialog({ open, title, message, confirmLabel, danger, testId, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <p id={messageId}>{message}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-testid={testId ? `${testId}-cancel` : undefined}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? "button button-danger" : "button button-primary"}
          onClick={onConfirm}
          data-testid={testId ? `${testId}-confirm` : undefined}
          autoFocus
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
