import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecureStack, type StackUser } from "./secure-stack";

interface Violation {
  directive: string;
  blocked: string;
}

let stack: SecureStack;
let trader: StackUser;
let browser: Browser;

beforeAll(async () => {
  stack = await SecureStack.start({ worker: true, realtime: true });
  trader = await stack.user("trader");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu"] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A page that records every CSP violation (as the DOM reports it), console error and uncaught exception. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // The app ships no favicon; the browser's automatic request for one is not the page's doing.
    if (message.location().url.endsWith("/favicon.ico")) return;
    if (message.type() === "error" || /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return { page, problems };
}

async function violationsOn(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? []);
}

describe("the dashboard works under the CSP in Chromium", () => {
  it("signs in through the form, renders live prices over the realtime gateway, and reports no violation", async () => {
    const context = await browser.newContext({ baseURL: stack.web });
    try {
      const { page, problems } = await watchedPage(context);
      const response = await page.goto("/");
      expect(page.url()).toContain("/signin");
      expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
      expect(await violationsOn(page)).toEqual([]);

      await page.getByTestId("signin-email").fill(trader.email);
      await page.getByTestId("signin-password").fill(trader.password);
      await page.getByTestId("signin-submit").click();
      await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });

      const price = page.getByTestId("last-price-BTCUSDT");
      await expect.poll(async () => (await price.textContent()) ?? "", { timeout: 30_000 }).toMatch(/\d/);
      // Live: the Socket.IO connection to the gateway (another origin, in connect-src) authenticated with the cookie.
      await expect.poll(() => page.getByTestId("connection-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("live");
      const first = await price.textContent();
      await expect.poll(async () => price.textContent(), { timeout: 30_000 }).not.toBe(first);

      expect(await violationsOn(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("blocks a script injected into the page (a stored XSS), proving the policy is enforced rather than merely sent", async () => {
    const context = await browser.newContext({ baseURL: stack.web });
    try {
      await context.addCookies([{ name: "next-auth.session-token", value: trader.cookie.split("=")[1]!, url: stack.web, httpOnly: true, sameSite: "Lax" }]);
      // The real response, CSP header and all, with markup an attacker got into it: no nonce, so it must not run.
      await context.route(`${stack.web}/`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace("</head>", "<script>window.__injected = true</script></head>");
        await route.fulfill({ response, body: html });
      });
      const { page } = await watchedPage(context);
      await page.goto("/");
      // The app's own scripts ran: Next.js's nonced inline bootstrap and the chunks 'strict-dynamic' let it load.
      // (No price check: Chromium keeps a page it did not fetch itself off the loopback gateway.)
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version), { timeout: 30_000 }).toBe("string");
      expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
      expect((await violationsOn(page)).map((v) => v.directive)).toContain("script-src-elem");
    } finally {
      await context.close();
    }
  });
});
