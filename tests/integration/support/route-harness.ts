import { clearServices, registerServices } from "@/lib/runtime/services";
import { type Harness, startHarness, waitFor } from "./engine-harness";
import { createTestUser, type TestUser } from "./users";

export interface RouteHarness {
  harness: Harness;
  /** A signed-in trader whose session cookie the route handlers accept. */
  trader: TestUser;
  close(): Promise<void>;
}

/** The real engine as the route handlers' services, a trader signed in, and simulated ticks already flowing. */
export async function startRouteHarness(env: Record<string, string> = {}): Promise<RouteHarness> {
  const harness = await startHarness(env);
  registerServices(harness.services);
  const trader = await createTestUser(harness.services, "trader");
  await waitFor(() => harness.engine.ticksProcessed() > 20, "first ticks");
  return {
    harness,
    trader,
    async close() {
      clearServices();
      await harness.close();
    },
  };
}
