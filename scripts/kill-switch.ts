/**
 * `npm run kill-switch`: halts trading and cancels every open order, through the platform's API.
 *   TRADEFORGE_URL (default http://127.0.0.1:3000) and TRADEFORGE_API_KEY (a key with the trade scope).
 * Exit 0 once the platform confirms HALTED, 1 when it could not be confirmed (then act as if it was not).
 */
import { KillSwitchNotConfirmed, pullKillSwitch } from "@/lib/cli/kill-switch-cli";

const url = process.env.TRADEFORGE_URL ?? "http://127.0.0.1:3000";
const apiKey = process.env.TRADEFORGE_API_KEY;
if (!apiKey) {
  process.stderr.write("TRADEFORGE_API_KEY is not set: create a key with the trade scope on the profile page\n");
  process.exit(1);
}
try {
  const risk = await pullKillSwitch({ url, apiKey });
  process.stdout.write(`trading HALTED on account ${risk.accountId}: ${risk.reason ?? "kill switch"}\n`);
} catch (error) {
  const why = error instanceof KillSwitchNotConfirmed ? error.message : String(error);
  process.stderr.write(`kill switch NOT confirmed: ${why}\n`);
  process.exitCode = 1;
}
