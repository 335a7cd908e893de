/**
 * Where to go after signing in: only a path on this site. Anything else ("//evil.example", "https://…", "/\\evil")
 * would make the sign-in page an open redirect, so it falls back to the dashboard.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\\]/.test(value)) return "/";
  return value;
}
