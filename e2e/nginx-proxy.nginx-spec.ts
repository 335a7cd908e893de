import { expect, test, type WebSocket } from "@playwright/test";
import { signIn } from "./support/sign-in";

// Run by playwright.nginx.config.ts only (the name is outside the embedded suite's *.spec.ts): what the shared specs
// take for granted, checked here: the browser reaches every part of the split stack through nginx over TLS.

test("pages come through nginx over TLS with a Secure session cookie", async ({ page, baseURL }) => {
  expect(new URL(baseURL!).protocol).toBe("https:");
  await signIn(page);
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers.server).toBe("nginx");
  expect(headers["strict-transport-security"]).toMatch(/max-age=31536000/);
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "__Secure-next-auth.session-token");
  expect(session, "next-auth's Secure cookie, set because PUBLIC_URL is https").toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
});

test("the dashboard's Socket.IO connection is a WebSocket through nginx that carries live ticks", async ({ page, baseURL }) => {
  const sockets: WebSocket[] = [];
  page.on("websocket", (socket) => sockets.push(socket));
  await signIn(page);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "live");
  const ui = sockets.find((socket) => socket.url().startsWith(`wss://${new URL(baseURL!).host}/ui/`));
  expect(ui, `WebSockets opened: ${sockets.map((socket) => socket.url()).join(", ")}`).toBeDefined();
  const tick = await ui!.waitForEvent("framereceived", { predicate: (frame) => String(frame.payload).includes("BTCUSDT"), timeout: 15_000 });
  expect(String(tick.payload)).toMatch(/^42/);
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
});

test("the plain market WebSocket upgrades through nginx with the session cookie", async ({ page }) => {
  await signIn(page);
  const frames = await page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const socket = new WebSocket(`wss://${location.host}/ws/market?channels=ticks.BTCUSDT`);
    const received: string[] = [];
    socket.onmessage = (event) => {
      received.push(String(event.data));
      if (received.length === 2) {
        socket.close();
        resolve(received);
      }
    };
    socket.onerror = () => reject(new Error("the /ws/market WebSocket failed"));
  }));
  expect(JSON.parse(frames[0]!)).toEqual({ channel: "control", data: { hello: "tradeforge", subscribed: ["ticks.BTCUSDT"] } });
  expect(JSON.parse(frames[1]!)).toMatchObject({ channel: "ticks.BTCUSDT" });
});
