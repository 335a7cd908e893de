"use client";

import { useState } from "react";
import { testBybitConnectionAction } from "@/app/admin/venues/actions";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";
import type { VenueConnectionTest } from "@/lib/server/venues/venue-admin";

function resultHeadline(result: VenueConnectionTest): string {
  if (!result.ok) return result.latencyMs === null ? "Bybit could not be reached" : "Bybit answered but refused the keys";
  return result.keys ? "Bybit reached, keys accepted" : "Bybit reached (no keys to check)";
}

/** Asks the server to reach Bybit now (with the keys the engine would use) and says what happened in plain words. */
export function ConnectionTestButton() {
  const [result, setResult] = useState<VenueConnectionTest | null>(null);
  const test = useServerAction(testBybitConnectionAction);

  async function run() {
    setResult(null);
    setResult((await test.run(undefined)) ?? null);
  }

  return (
    <div className="stack-form">
      <button type="button" className="button" disabled={test.pending} onClick={() => void run()} data-testid="bybit-test-connection">
        {test.pending ? "Testing…" : "Test connection"}
      </button>
      <ActionError error={test.error} testId="bybit-test-error" />
      {result ? (
        <p className={result.ok ? "form-success" : "inline-error"} role="status" data-testid="bybit-test-result" data-state={result.ok ? "ok" : "failed"}>
          <strong>{resultHeadline(result)}.</strong> {result.detail}
        </p>
      ) : null}
    </div>
  );
}
