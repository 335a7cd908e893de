import { describe, expect, it } from "vitest";
import { type AlertRow, slackMessage } from "@/lib/alerts/alert-message";

const row = (over: Partial<AlertRow> = {}): AlertRow => ({
  id: 1, severity: "medium", code: "model_accuracy_drop", title: "Model accuracy dropped", message: "48% < 55%", dedupeKey: "k",
  detail: null, repeats: 0, createdAt: new Date("2026-01-05T12:00:00Z"), lastSeenAt: new Date("2026-01-05T12:00:00Z"), ...over,
});

describe("Slack message", () => {
  it("starts with the severity so it shows in the notification preview", () => {
    expect(slackMessage(row({ severity: "high" })).text).toMatch(/^:rotating_light: \[HIGH\] /);
    expect(slackMessage(row({ severity: "medium" })).text).toMatch(/^:warning: \[MEDIUM\] Model accuracy dropped: 48% < 55%$/);
    expect(slackMessage(row({ severity: "low" })).text).toMatch(/^:information_source: \[LOW\] /);
  });

  it("mentions repeats and keeps a huge message within Slack's block limit", () => {
    const message = slackMessage(row({ repeats: 4, message: "x".repeat(10_000) }));
    const [section, context] = message.blocks as { text?: { text: string }; elements?: { text: string }[] }[];
    expect(section!.text!.text.length).toBeLessThanOrEqual(3000);
    expect(context!.elements![0]!.text).toContain("repeated 4×");
  });
});
