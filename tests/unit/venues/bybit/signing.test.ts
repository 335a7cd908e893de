import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { queryString, restSignature, signedHeaders, wsAuthMessage, wsAuthSignature } from "@/lib/venues/bybit/signing";

const hmac = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

describe("Bybit v5 REST signature", () => {
  it("signs timestamp + key + recv window + query string, as in Bybit's GET example", () => {
    const payload = "category=option&symbol=BTC-29JUL22-25000-C";
    const expected = hmac("api_secret", `1658384314791api_key5000${payload}`);
    expect(restSignature("api_secret", 1658384314791, "api_key", 5000, payload)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("signs the raw JSON body of a POST byte for byte", () => {
    const body = JSON.stringify({ category: "linear", symbol: "BTCUSDT", side: "Buy", orderType: "Limit", qty: "0.001", price: "60000.10", orderLinkId: "a-1" });
    const signature = restSignature("s3cret", 1700000000000, "KEY", 20000, body);
    expect(signature).toBe(hmac("s3cret", `1700000000000KEY20000${body}`));
    expect(signature).not.toBe(restSignature("s3cret", 1700000000000, "KEY", 20000, body.replace("60000.10", "60000.1")));
  });

  it("sends the four headers Bybit documents, with the signature of the same timestamp", () => {
    const headers = signedHeaders({ apiKey: "KEY", apiSecret: "s3cret" }, 1700000000000, 5000, "accountType=UNIFIED");
    expect(headers).toEqual({
      "X-BAPI-API-KEY": "KEY",
      "X-BAPI-TIMESTAMP": "1700000000000",
      "X-BAPI-RECV-WINDOW": "5000",
      "X-BAPI-SIGN": hmac("s3cret", "1700000000000KEY5000accountType=UNIFIED"),
    });
  });

  it("keeps the query in the caller's order and leaves out missing values, so the signed text is what is sent", () => {
    expect(queryString({ category: "linear", symbol: "BTCUSDT", orderLinkId: undefined, limit: 50 })).toBe("category=linear&symbol=BTCUSDT&limit=50");
    expect(queryString({ cursor: "page=2&x" })).toBe("cursor=page%3D2%26x");
  });
});

describe("Bybit v5 private-stream auth", () => {
  it("signs GET/realtime + expires and expires 10 s after now", () => {
    expect(wsAuthSignature("s3cret", 1662350400000)).toBe(hmac("s3cret", "GET/realtime1662350400000"));
    const message = wsAuthMessage({ apiKey: "KEY", apiSecret: "s3cret" }, 1662350390000);
    expect(message).toEqual({ op: "auth", args: ["KEY", 1662350400000, hmac("s3cret", "GET/realtime1662350400000")] });
  });
});
