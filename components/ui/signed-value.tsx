import { directionClass, directionOf, formatSignedMoney } from "@/lib/client/format";

interface SignedValueProps {
  value: string | null | undefined;
  currency?: string;
  testId?: string;
}

/** A P&L amount with its sign, green when positive, red when negative. */
export function SignedValue({ value, currency, testId }: SignedValueProps) {
  const direction = directionOf(value);
  return (
    <span className={`num ${directionClass(direction)}`} data-testid={testId} data-direction={direction}>
      {formatSignedMoney(value, currency)}
    </span>
  );
}
