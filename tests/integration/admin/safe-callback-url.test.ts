import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";

describe("the sign-in page's callbackUrl", () => {
  it("keeps same-site paths", () => {
    for (const path of ["/", "/profile", "/admin/audit?action=auth&before=10", "/a#b"]) expect(safeCallbackUrl(path)).toBe(path);
  });

  it("falls back to / for anything that could leave the site", () => {
    for (const url of ["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil", "javascript:alert(1)", "", "profile", "/ok\nSet-Cookie: x", undefined, ["/a", "/b"], 42]) {
      expect(safeCallbackUrl(url)).toBe("/");
    }
  });
});
