// What the CLI's tests share: credentials, a mock server per test file, and the built binary run as users run it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startMockServer, type MockServer, type SimulatedJobInput } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll } from "vitest";

/** Project id the tests query (the mock answers any 32-hex project for jobs it created without one). */
export const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";
/** Recognisable credentials: the secret ones must never appear in anything the CLI prints. */
export const TOKEN = "tok-E2E-1f2e3d4c5b6a-SHOULD-NEVER-PRINT";
export const ACCESS_KEY = "AKE2E0000000000000001";
export const SECRET_KEY = "sk-E2E-9a8b7c6d5e4f-SHOULD-NEVER-PRINT";
export const SECURITY_TOKEN = "sts-E2E-0011223344-SHOULD-NEVER-PRINT";
/** A job id no server knows (400 Common.0011). */
export const UNKNOWN_JOB_ID = "ffffffffffffffffffffffffffffffff";
/** The environment of most runs: a token and the project. */
export const TOKEN_ENV = { OS_AUTH_TOKEN: TOKEN, OS_PROJECT_ID: PROJECT_ID };

/** The package directory; the binary is spawned from here. */
export const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
/** The built binary, as users run it. */
export const BIN = fileURLToPath(new URL("../../bin/cloud-jobs.js", import.meta.url));

/** The mock server of one test file, on 127.0.0.1 and the real clock (the binary runs in another process). */
export interface TestJobServer {
  readonly url: string;
  /** A simulated job that starts now; its id. Default: an ECS createServer of 2.5 s with 3 sub-jobs. */
  createJob(spec?: Partial<SimulatedJobInput>): string;
  /** Makes the next `times` requests for `jobId` fail with `fault` (`X-Mock-Fault` syntax). */
  addFault(jobId: string, fault: string, times: number): void;
  /** `--service ecs --endpoint <url>`. */
  at(): string[];
}

/** Starts @cloud-jobs/mock-server before the file's tests and stops it after them. */
export function useJobServer(): TestJobServer {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => mock?.close());
  const running = (): MockServer => mock ?? (() => { throw new Error("the job server starts in beforeAll"); })();
  return {
    get url() {
      return running().url;
    },
    createJob: (spec = {}) => running().createJob({ service: "ecs", job_type: "createServer", duration_ms: 2_500, sub_jobs: 3, outcome: "SUCCESS", ...spec }).job_id,
    addFault: (jobId, fault, times) => void running().addFault({ fault, times, job_id: jobId }),
    at: () => ["--service", "ecs", "--endpoint", running().url],
  };
}

/** What a finished run of the binary produced. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run still going: its process, and a way to wait for some output. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves with stdout so far once it matches `pattern`; rejects if the process ends first. */
  stdoutMatching(pattern: RegExp): Promise<string>;
  readonly done: Promise<CliRun>;
}

/**
 * An environment without the caller's OS_* variables (a developer's real
 * credentials must neither leak into nor change a test), without colours, plus `env`.
 */
function cleanEnv(env: Record<string, string>): Record<string, string> {
  const base = Object.entries(process.env).filter((entry): entry is [string, string] => !entry[0].startsWith("OS_") && entry[1] !== undefined);
  return { ...Object.fromEntries(base), NO_COLOR: "1", ...env };
}

function collect(child: ChildProcess): RunningCli {
  let stdout = "";
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const check of [...waiters]) check();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const stdoutMatching = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(stdout)) return;
        waiters.splice(waiters.indexOf(check), 1);
        resolve(stdout);
      };
      waiters.push(check);
      check();
      void done.then((run) => reject(new Error(`exited ${run.code} before stdout matched ${pattern}:\n${run.stdout}\n${run.stderr}`)));
    });
  return { child, done, stdoutMatching };
}

/** Spawns `node bin/cloud-jobs.js ...args` (stdout and stderr are pipes, not terminals); `bin` to run another copy. */
export function startCli(args: readonly string[], env: Record<string, string>, bin = BIN, stdin?: string): RunningCli {
  const child = spawn(process.execPath, [bin, ...args], { cwd: PACKAGE_DIR, env: cleanEnv(env), stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  if (stdin !== undefined) child.stdin!.end(stdin);
  return collect(child);
}

/** Runs `node bin/cloud-jobs.js ...args` to its end, with `stdin` as its standard input when given. */
export function runCli(args: readonly string[], env: Record<string, string>, bin = BIN, stdin?: string): Promise<CliRun> {
  return startCli(args, env, bin, stdin).done;
}

/** One job request as the proxy saw it: when it arrived, and the status and time of its answer once there is one. */
export type ProxiedRequest = { readonly id: string; readonly at: number; status?: number; answeredAt?: number };

/** A proxy in front of `target` that counts and logs the job requests (`GET /v1/…/jobs/{id}`) as a server sees them. */
export async function countingProxy(target: string): Promise<{ url: string; counts: Map<string, number>; log: ProxiedRequest[]; total(): number; close(): Promise<void> }> {
  const counts = new Map<string, number>();
  const log: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const id = /\/jobs\/([^/?]+)/.exec(req.url ?? "")?.[1];
    const entry: ProxiedRequest | undefined = id === undefined ? undefined : { id, at: Date.now() };
    if (entry !== undefined) (log.push(entry), counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1));
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (entry !== undefined) Object.assign(entry, { status: answer.statusCode, answeredAt: Date.now() });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    log,
    total: () => log.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Runs `node bin/cloud-jobs.js ...args` with a pseudo-terminal as stdin,
 * stdout and stderr, through util-linux `script -qfec <command> /dev/null`
 * (no native module needed). What the terminal received is `stdout`;
 * `script -e` exits with the CLI's exit code.
 */
export function runInPty(args: readonly string[], env: Record<string, string>, columns = 120): Promise<CliRun> {
  const command = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(" ");
  // The pty starts at 0x0 columns under `script` without a terminal; give it a size as a real one has.
  const sized = `stty cols ${columns} rows 40 2>/dev/null; exec ${command}`;
  return collect(spawn("script", ["-qfec", sized, "/dev/null"], { cwd: PACKAGE_DIR, env: cleanEnv({ TERM: "xterm-256color", ...env }), stdio: ["ignore", "pipe", "pipe"] })).done;
}
