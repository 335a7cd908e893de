import { eventually } from "@/tests/services/support/infrastructure";

/** A market buy through the API, so /api/positions has a position to mark and return, as a trader's would. */
export async function openPosition(baseUrl: string, apiKey: string): Promise<void> {
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const order = await fetch(`${baseUrl}/api/orders`, {
    method: "POST", headers, body: JSON.stringify({ symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" }),
  });
  if (order.status !== 201) throw new Error(`the benchmark's order was refused (${order.status}): ${await order.text()}`);
  await eventually(async () => {
    const response = await fetch(`${baseUrl}/api/positions`, { headers });
    const { positions } = (await response.json()) as { positions: Array<{ symbol: string }> };
    return positions.some((p) => p.symbol === "BTCUSDT") ? true : undefined;
  }, 30_000, "the BTCUSDT position to show");
}
