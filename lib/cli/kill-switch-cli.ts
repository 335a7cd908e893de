import type { RiskView } from "@/lib/domain/account";

export interface KillSwitchCliOptions {
  /** Where the platform answers, e.g. http://127.0.0.1:3000. */
  url: string;
  /** An API key with the trade scope (created on the profile page). */
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The kill switch could not be confirmed: the message says why, and the operator must not assume trading stopped. */
export class KillSwitchNotConfirmed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KillSwitchNotConfirmed";
  }
}

/**
 * Pulls the kill switch through POST /api/risk/kill, the same path as the dashboard's button, so it works against
 * embedded and split deployments alike. Resolves only once the platform answers HALTED.
 */
export async function pullKillSwitch(options: KillSwitchCliOptions): Promise<RiskView> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(new URL("/api/risk/kill", options.url), {
      method: "POST", headers: { authorization: `Bearer ${options.apiKey}` }, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new KillSwitchNotConfirmed(`could not reach ${options.url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = (await response.json().catch(() => null)) as { risk?: RiskView; error?: { code: string; message: string } } | null;
  if (!response.ok || body?.risk?.state !== "HALTED") {
    throw new KillSwitchNotConfirmed(body?.error ? `${body.error.code}: ${body.error.message}` : `the platform answered ${response.status}`);
  }
  return body.risk;
}
