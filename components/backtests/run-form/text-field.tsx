"use client";

import { useId } from "react";
import { FieldMessage } from "./field-message";

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "datetime-local";
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
  testId?: string;
}

/** A labelled input with its validation message next to it. */
export function TextField({ label, value, onChange, error, hint, type = "text", inputMode, placeholder, testId }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        data-testid={testId}
      />
      <FieldMessage id={messageId} error={error} hint={hint} />
    </div>
  );
}
