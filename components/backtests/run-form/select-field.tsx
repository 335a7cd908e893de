"use client";

import { useId } from "react";
import { FieldMessage } from "./field-message";

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  /** A first option with value "" (e.g. "Choose a symbol"). */
  placeholder?: string;
  error?: string;
  testId?: string;
}

/** A labelled select that only ever reports one of its options' values. */
export function SelectField<T extends string>({ label, value, options, onChange, placeholder, error, testId }: SelectFieldProps<T>) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? messageId : undefined}
        data-testid={testId}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={messageId} error={error} />
    </div>
  );
}
