import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * deploy/nginx.conf run by the real nginx (Debian package) on local ports: the services test puts it in front of
 * stand-in servers, the nginx e2e suite in front of the real split mode. Both run the same rewrite of the same file.
 */
export const NGINX = "/usr/sbin/nginx";
export const DEPLOY_NGINX_CONF = fileURLToPath(new URL("../../deploy/nginx.conf", import.meta.url));

export interface NginxPorts {
  /** The plain-HTTP server that redirects to HTTPS. */
  http: number;
  https: number;
  /** Upstreams: the web process and the realtime gateway on 127.0.0.1. */
  web: number;
  realtime: number;
}

export interface LocalNginx {
  dir: string;
  ports: NginxPorts;
  /** nginx's error log so far, for failure messages. */
  errorLog(): string;
  /** Stops nginx and removes `dir` with its logs. */
  stop(): Promise<void>;
}

/**
 * The deployed file with only what a test machine must change: unprivileged local ports and upstreams, the pid,
 * logs, temp files and certificate in `dir`, one worker. Everything a request meets (TLS, redirect, headers,
 * locations, upgrades) is the deployed text.
 */
export function localNginxConfig(source: string, dir: string, ports: NginxPorts): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join("\n");
  const rewritten = source
    .replace("worker_processes auto;", `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;`)
    .replace("http {", `http {\n  access_log ${dir}/access.log;\n${temp}`)
    .replace("server web:3000;", `server 127.0.0.1:${ports.web};`)
    .replace("server realtime:3001;", `server 127.0.0.1:${ports.realtime};`)
    .replace(/^\s*listen \[::\]:\d+.*$/gm, "")
    .replace("listen 80;", `listen 127.0.0.1:${ports.http};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replaceAll("/etc/nginx/certs/", `${dir}/`);
  // A rewrite that silently stopped matching would test some other configuration.
  for (const expected of [`127.0.0.1:${ports.web};`, `127.0.0.1:${ports.realtime};`, `listen 127.0.0.1:${ports.http};`, `listen 127.0.0.1:${ports.https} ssl`, `${dir}/tls.crt`]) {
    if (!rewritten.includes(expected)) throw new Error(`deploy/nginx.conf changed shape: the local rewrite found no place for "${expected}"`);
  }
  return rewritten;
}

/** A throwaway certificate for localhost and 127.0.0.1, as tls.crt and tls.key in `dir`. */
export function writeSelfSignedCertificate(dir: string): void {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-days", "1", "-keyout", `${dir}/tls.key`, "-out", `${dir}/tls.crt`,
  ], { stdio: "pipe" });
}

/** Certificate, configuration checked by `nginx -t`, then nginx in the foreground; resolves once HTTPS accepts. */
export async function startLocalNginx(ports: NginxPorts): Promise<LocalNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install the Debian package nginx (.ci/run does)`);
  const dir = mkdtempSync(path.join(tmpdir(), "tf-nginx-"));
  // Workers run as an unprivileged user when the master is root; they write buffered responses under `dir`.
  chmodSync(dir, 0o755);
  writeSelfSignedCertificate(dir);
  writeFileSync(`${dir}/nginx.conf`, localNginxConfig(readFileSync(DEPLOY_NGINX_CONF, "utf8"), dir, ports));
  execFileSync(NGINX, ["-t", "-q", "-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "pipe" });
  // Its own process group: the workers go down with the master even when it is killed hard.
  const child = spawn(NGINX, ["-p", dir, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"], { stdio: "ignore", detached: true });
  const errorLog = () => (existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, "utf8") : "");
  const killGroup = () => killProcessGroup(child);
  process.once("exit", killGroup);
  const nginx: LocalNginx = {
    dir, ports, errorLog,
    async stop() {
      process.off("exit", killGroup);
      await stopNginx(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitForListening(ports.https, child, 10_000);
  } catch (error) {
    await nginx.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- nginx error.log ---\n${errorLog()}`);
  }
  return nginx;
}

function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** SIGTERM is nginx's fast shutdown (SIGQUIT would wait for open WebSockets); SIGKILL to the group if it hangs. */
function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killProcessGroup(child), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function waitForListening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode} before listening on ${port}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
