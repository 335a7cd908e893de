import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/**
 * A local tracking server for the endpoints TradeForge uses, checking each request against MLflow's documented REST
 * API 2.0 (field names, types, RunStatus values, log-batch limits) and answering 400 INVALID_PARAMETER_VALUE as MLflow
 * does when a request does not fit. Every accepted request is recorded.
 */
const keyValue = z.object({ key: z.string().min(1).max(250), value: z.string() }).strict();
const int64 = z.number().int().nonnegative();

export const requestSchemas = {
  "experiments/create": z.object({ name: z.string().min(1), artifact_location: z.string().optional(), tags: z.array(keyValue).optional() }).strict(),
  "runs/create": z.object({ experiment_id: z.string().min(1), user_id: z.string().optional(), run_name: z.string().optional(), start_time: int64.optional(), tags: z.array(keyValue).optional() }).strict(),
  "runs/log-batch": z
    .object({
      run_id: z.string().min(1),
      metrics: z.array(z.object({ key: z.string().min(1).max(250), value: z.number(), timestamp: int64, step: z.number().int().optional() }).strict()).max(1000).optional(),
      params: z.array(keyValue.extend({ value: z.string().max(6000) })).max(100).optional(),
      tags: z.array(keyValue.extend({ value: z.string().max(5000) })).max(100).optional(),
    })
    .strict()
    .refine((b) => (b.metrics?.length ?? 0) + (b.params?.length ?? 0) + (b.tags?.length ?? 0) <= 1000, "at most 1000 metrics, params and tags in total"),
  "runs/update": z.object({ run_id: z.string().min(1), run_uuid: z.string().optional(), status: z.enum(["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"]).optional(), end_time: int64.optional(), run_name: z.string().optional() }).strict(),
} as const;

type PostEndpoint = keyof typeof requestSchemas;
export type Recorded = { [E in PostEndpoint]: { endpoint: E; body: z.infer<(typeof requestSchemas)[E]> } }[PostEndpoint] | { endpoint: "experiments/get-by-name"; body: { experiment_name: string } };

export interface StoredRun { experimentId: string; name?: string; status: string; endTime?: number; params: Map<string, string>; metrics: Array<{ key: string; value: number }>; tags: Map<string, string> }

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

export class MlflowTestServer {
  readonly requests: Recorded[] = [];
  readonly experiments = new Map<string, string>();
  readonly runs = new Map<string, StoredRun>();
  /** Endpoints that answer 500 INTERNAL_ERROR, as a broken server would. */
  failing = new Set<string>();
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  count(endpoint: Recorded["endpoint"]): number {
    return this.requests.filter((r) => r.endpoint === endpoint).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    try {
      send(200, await this.route(req));
    } catch (error) {
      if (error instanceof ApiError) send(error.status, { error_code: error.code, message: error.message });
      else send(500, { error_code: "INTERNAL_ERROR", message: String(error) });
    }
  }

  private async route(req: IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const endpoint = url.pathname.replace(/^\/api\/2\.0\/mlflow\//, "");
    if (this.failing.has(endpoint)) throw new ApiError(500, "INTERNAL_ERROR", "the tracking store is unavailable");
    if (req.method === "GET" && endpoint === "experiments/get-by-name") return this.getByName(url.searchParams.get("experiment_name"));
    if (req.method !== "POST" || !(endpoint in requestSchemas)) throw new ApiError(404, "ENDPOINT_NOT_FOUND", `${req.method} ${url.pathname}`);
    if (!req.headers["content-type"]?.startsWith("application/json")) throw new ApiError(400, "BAD_REQUEST", "POST requests need content type application/json");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const parsed = requestSchemas[endpoint as PostEndpoint].safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    if (!parsed.success) throw new ApiError(400, "INVALID_PARAMETER_VALUE", z.prettifyError(parsed.error));
    this.requests.push({ endpoint, body: parsed.data } as Recorded);
    return this.apply({ endpoint, body: parsed.data } as Recorded);
  }

  private getByName(name: string | null): unknown {
    if (!name) throw new ApiError(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'experiment_name'");
    this.requests.push({ endpoint: "experiments/get-by-name", body: { experiment_name: name } });
    const id = this.experiments.get(name);
    if (!id) throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", `Could not find experiment with name '${name}'`);
    return { experiment: { experiment_id: id, name, lifecycle_stage: "active" } };
  }

  private run(id: string): StoredRun {
    const run = this.runs.get(id);
    if (!run) throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", `Run '${id}' not found`);
    return run;
  }

  private apply(request: Recorded): unknown {
    switch (request.endpoint) {
      case "experiments/create": {
        if (this.experiments.has(request.body.name)) throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", `Experiment '${request.body.name}' already exists.`);
        const id = String(this.experiments.size + 1);
        this.experiments.set(request.body.name, id);
        return { experiment_id: id };
      }
      case "runs/create": {
        if (![...this.experiments.values()].includes(request.body.experiment_id)) throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "no such experiment");
        const id = `run${this.runs.size + 1}`;
        const tags = new Map((request.body.tags ?? []).map((t) => [t.key, t.value]));
        this.runs.set(id, { experimentId: request.body.experiment_id, name: request.body.run_name, status: "RUNNING", params: new Map(), metrics: [], tags });
        return { run: { info: { run_id: id, run_uuid: id, experiment_id: request.body.experiment_id, status: "RUNNING", start_time: request.body.start_time }, data: {} } };
      }
      case "runs/log-batch": {
        const run = this.run(request.body.run_id);
        for (const p of request.body.params ?? []) {
          if (run.params.has(p.key) && run.params.get(p.key) !== p.value) throw new ApiError(400, "INVALID_PARAMETER_VALUE", `Changing param values is not allowed: ${p.key}`);
          run.params.set(p.key, p.value);
        }
        for (const t of request.body.tags ?? []) run.tags.set(t.key, t.value);
        run.metrics.push(...(request.body.metrics ?? []).map((m) => ({ key: m.key, value: m.value })));
        return {};
      }
      case "runs/update": {
        const run = this.run(request.body.run_id);
        if (request.body.status) run.status = request.body.status;
        run.endTime = request.body.end_time;
        return { run_info: { run_id: request.body.run_id, status: run.status } };
      }
      default:
        throw new ApiError(404, "ENDPOINT_NOT_FOUND", request.endpoint);
    }
  }
}
