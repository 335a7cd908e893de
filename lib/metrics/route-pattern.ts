type Params = Record<string, string | string[] | undefined>;

/**
 * The route pattern of a request (/api/orders/[id]) from its path and the route's params, so the HTTP histogram
 * has one series per route, not one per order id.
 */
export function routePattern(pathname: string, params: Params | undefined): string {
  const segments = pathname.split("/");
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Array.isArray(value)) replaceRun(segments, value, `[...${name}]`);
    else if (value !== undefined) replaceRun(segments, [value], `[${name}]`);
  }
  return segments.join("/");
}

function replaceRun(segments: string[], values: readonly string[], placeholder: string): void {
  const run = values.map((v) => encodeURIComponent(v));
  for (let i = segments.length - run.length; i >= 1; i -= 1) {
    if (run.every((v, j) => segments[i + j] === v || safeDecode(segments[i + j]) === values[j])) {
      segments.splice(i, run.length, placeholder);
      return;
    }
  }
}

function safeDecode(segment: string | undefined): string | undefined {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route pattern of a route handler's call: (request, { params }) as Next.js passes them. */
export async function routeOfCall(args: readonly unknown[]): Promise<string> {
  const request = args[0];
  if (!isRequest(request)) return "unknown";
  const context = args[1] as { params?: Promise<Params> | Params } | undefined;
  const params = await Promise.resolve(context?.params).catch(() => undefined);
  return routePattern(new URL(request.url).pathname, params);
}

/** Duck-typed: Next.js and the test runner may each bring their own Request class. */
export function isRequest(value: unknown): value is Request {
  return typeof value === "object" && value !== null && typeof (value as Request).url === "string" && typeof (value as Request).headers?.get === "function";
}
