import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker thread running a TypeScript entry: the thread registers tsx's loader before importing it (as the
 * processes that start it run under tsx). `execArgv: ["--import", "tsx"]` is not applied to worker threads on
 * Node 20, hence this bootstrap; it also works under vitest, whose loader a worker thread does not inherit.
 */
export function startTsWorker(entry: URL): Worker {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const source = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(source, { eval: true });
}
