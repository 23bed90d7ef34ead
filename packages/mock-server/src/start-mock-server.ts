import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fixtures as allFixtures, isServiceName, jobCatalogue, type Fixture, type ServiceName } from "@cloud-jobs/fixtures";
import { MockError, onClientError } from "./answer.js";
import { FaultRules, type FaultRule, type FaultRuleInput } from "./faults.js";
import { Jobs, type SimulatedJobInfo, type SimulatedJobInput } from "./jobs.js";
import { createHandler } from "./routes.js";

/**
 * Options of `startMockServer`, all optional: `port` (0, a free one), `host` (127.0.0.1, so nothing outside the
 * machine can reach the mock), `now` (the clock simulated jobs move by, in ms since the epoch: inject one so tests
 * need no sleeping), `service` (of requests whose Host names none), `accessKey` + `secretKey` (verify signatures
 * against this pair), `token` (the only `X-Auth-Token` accepted), `fixtures` (all by default), `log` (one line per
 * request and client error), `timeouts`, `cors` (allow any origin; off by default).
 */
export interface MockServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly now?: () => number;
  readonly service?: ServiceName;
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly token?: string;
  readonly fixtures?: readonly Fixture[];
  readonly log?: (line: string) => void;
  readonly timeouts?: Partial<MockTimeouts>;
  readonly cors?: boolean;
}

/**
 * How long the mock waits on a client, in ms: `headersMs` from accept (or the first byte of a later request) to the
 * end of its headers, `requestMs` (never below it) to the end of the request, then 408; an idle keep-alive
 * connection is closed after `keepAliveMs` (as `Keep-Alive` tells the client). Node counts the first request's
 * headers timeout from the accept, so a client descheduled on a loaded machine can hit it without being slow: the
 * defaults are long (Node's own 60 s), and the keep-alive outlasts a poll interval, so that a client reusing a
 * connection seldom races the server closing it.
 */
export type MockTimeouts = { readonly headersMs: number; readonly requestMs: number; readonly keepAliveMs: number };

export const DEFAULT_MOCK_TIMEOUTS: MockTimeouts = { headersMs: 60_000, requestMs: 120_000, keepAliveMs: 65_000 };

/** An option of `startMockServer` has a value it cannot use. */
export class MockOptionsError extends MockError {
  constructor(readonly option: string, readonly reason: string) {
    super("INVALID_MOCK_OPTION", `mock server option ${option}: ${reason}`);
  }
}

/** The mock server could not listen (port in use, address not available, no permission); `code` is the system's: `EADDRINUSE`, … */
export class MockListenError extends MockError {
  constructor(readonly host: string, readonly port: number, cause: NodeJS.ErrnoException) {
    const hint = cause.code === "EADDRINUSE" ? " (in use; pass port 0 for a free one)" : "";
    super(cause.code ?? "LISTEN_FAILED", `cannot listen on ${host}:${port}: ${cause.code ?? cause.message}${hint}`, 500, { cause });
  }
}

/** Applies defaults and rejects unusable values before anything listens. */
function resolveOptions(options: MockServerOptions) {
  const { port = 0, host = "127.0.0.1", service, accessKey, secretKey, now = Date.now, cors = false } = options;
  const check = (ok: unknown, option: string, reason: string): void => {
    if (!ok) throw new MockOptionsError(option, reason);
  };
  check(Number.isInteger(port) && port >= 0 && port <= 65535, "port", `must be an integer 0–65535, got ${port}`);
  check(typeof host === "string" && host.length > 0, "host", "must be a host name or address");
  check(service === undefined || isServiceName(service), "service", `must be ecs, bms, evs or vbs, got ${String(service)}`);
  check(Boolean(accessKey) === Boolean(secretKey), "accessKey", "give both accessKey and secretKey, or neither");
  check(typeof now === "function", "now", "must be a function returning ms since the epoch");
  check(typeof cors === "boolean", "cors", "must be true or false");
  const timeouts = { ...DEFAULT_MOCK_TIMEOUTS, ...options.timeouts };
  for (const [name, value] of Object.entries(timeouts)) check(Number.isInteger(value) && value >= 1, `timeouts.${name}`, `must be a whole number of ms ≥ 1, got ${String(value)}`);
  check(timeouts.requestMs >= timeouts.headersMs, "timeouts.requestMs", `must be at least timeouts.headersMs (${timeouts.headersMs})`);
  const credentials = accessKey && secretKey ? { accessKey, secretKey } : undefined;
  return { port, host, now, service, credentials, token: options.token, fixtures: options.fixtures ?? allFixtures, log: options.log ?? (() => {}), timeouts, cors };
}

/** Options after defaults and checks. */
export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/** Everything a request handler needs, built once per server; `closing` aborts when the server closes, so pending delays end at once. */
export type MockState = { readonly options: ResolvedOptions; readonly jobs: Jobs; readonly faults: FaultRules; readonly closing: AbortSignal };

/** A running mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`: use it as the client's `endpoint`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Same as `POST /mock/jobs`; throws `SimulationInputError` on a bad input. */
  createJob(input: SimulatedJobInput): SimulatedJobInfo;
  /** Same as `POST /mock/faults`; throws `FaultSyntaxError` on a bad fault. */
  addFault(input: FaultRuleInput): FaultRule;
  /** Same as `DELETE /mock/faults`. */
  clearFaults(): void;
  /** Stops listening, drops open connections and pending delays; resolves once closed. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a local stand-in of the ECS, BMS, EVS and VBS job API (see the README): every fixture and simulated job
 * at `GET /v1/{project_id}/jobs/{job_id}`, `POST /mock/jobs`, and faults. Binds 127.0.0.1 and a free port unless told otherwise.
 *
 * @example
 * const mock = await startMockServer({ accessKey: "AK", secretKey: "SK" });
 * const { job_id } = mock.createJob({ service: "evs", job_type: "batchCreateVolume", sub_jobs: 3 });
 * await createJobsClient({ service: "evs", projectId, endpoint: mock.url, auth: { accessKey: "AK", secretKey: "SK" } }).waitForJob(job_id);
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const abort = new AbortController();
  const state: MockState = { options: resolved, jobs: new Jobs(jobCatalogue(), resolved.fixtures), faults: new FaultRules(), closing: abort.signal };
  const { headersMs, requestMs, keepAliveMs } = resolved.timeouts;
  // Node checks the two timeouts on an interval (30 s by default); a quarter of the headers timeout keeps them close to what was asked.
  const connectionsCheckingInterval = Math.max(10, Math.min(30_000, Math.floor(headersMs / 4)));
  const server = createServer({ maxHeaderSize: 16 * 1024, headersTimeout: headersMs, requestTimeout: requestMs, keepAliveTimeout: keepAliveMs, connectionsCheckingInterval }, createHandler(state));
  // Malformed or timed-out requests get Node's statuses (400, 408, 431) with a JSON body; the server never throws over them.
  server.on("clientError", onClientError(resolved.log));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new MockListenError(resolved.host, resolved.port, error)));
    server.listen(resolved.port, resolved.host, () => (server.removeAllListeners("error"), resolve()));
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host}:${port}`,
    host: resolved.host,
    port,
    createJob: (input) => state.jobs.create(input, resolved.now()),
    addFault: (input) => state.faults.add(input),
    clearFaults: () => void (state.faults.rules = []),
    close: () =>
      (closed ??= new Promise((resolve) => {
        abort.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
