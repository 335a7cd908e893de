"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/api-types";

export interface ActionFailure {
  code: string;
  message: string;
}

/**
 * Calls a server action, keeps its pending state and failure, and on success refreshes the server-rendered page
 * so lists show the change.
 */
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionFailure | null>(null);

  async function run(input: I): Promise<T | undefined> {
    setPending(true);
    setError(null);
    try {
      const result = await action(input);
      if (!result.ok) {
        setError(result.error);
        return undefined;
      }
      router.refresh();
      return result.data;
    } catch {
      setError({ code: "NETWORK", message: "The server could not be reached; try again" });
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, clearError: () => setError(null) };
}
