import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { jobCatalogue, type JobCatalogue } from "@cloud-jobs/fixtures";
import { MockError, onClientError } from "./answer.js";
import { FaultRules, type FaultRule, type FaultRuleInput } from "./faults.js";
import { Jobs, type SimulatedJobInfo } from "./jobs.js";
import { resolveOptions, type MockServerOptions, type ResolvedOptions } from "./options.js";
import { createHandler } from "./routes.js";
import { simulationPlan, type SimulatedJobInput } from "./simulation-plan.js";

/** Everything a request handler needs, built once per server. */
export interface MockState {
  readonly options: ResolvedOptions;
  readonly catalogue: JobCatalogue;
  readonly jobs: Jobs;
  readonly faults: FaultRules;
  /** Aborts when the server closes, so pending delays end at once. */
  readonly closing: AbortSignal;
}

/** The mock server could not listen (port in use, address not available, no permission); `code` is the system's: `EADDRINUSE`, … */
export class MockListenError extends MockError {
  constructor(
    readonly host: string,
    readonly port: number,
    cause: NodeJS.ErrnoException,
  ) {
    const hint = cause.code === "EADDRINUSE" ? " (in use; pass port 0 for a free one)" : "";
    super(cause.code ?? "LISTEN_FAILED", `cannot listen on ${host}:${port}: ${cause.code ?? cause.message}${hint}`, 500, { cause });
  }
}

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
 * Starts a local stand-in of the ECS, BMS, EVS and VBS job API: every fixture
 * and any simulated job at `GET /v1/{project_id}/jobs/{job_id}` (whatever the
 * Host header), simulated jobs via `POST /mock/jobs`, faults via
 * `POST /mock/faults` or an `X-Mock-Fault` header. Binds 127.0.0.1 and a free
 * port unless told otherwise.
 *
 * @example
 * const mock = await startMockServer({ accessKey: "AK", secretKey: "SK" });
 * const { job_id } = mock.createJob({ service: "evs", job_type: "batchCreateVolume", sub_jobs: 3 });
 * const client = createJobsClient({ service: "evs", projectId, endpoint: mock.url, auth: { accessKey: "AK", secretKey: "SK" } });
 * await client.waitForJob(job_id);
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const catalogue = jobCatalogue();
  const jobs = new Jobs(catalogue, resolved.fixtures);
  const abort = new AbortController();
  const state: MockState = {
    options: resolved,
    catalogue,
    jobs,
    faults: new FaultRules(),
    closing: abort.signal,
  };
  const { headersMs, requestMs, keepAliveMs } = resolved.timeouts;
  const server = createServer(
    {
      maxHeaderSize: 16 * 1024,
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      keepAliveTimeout: keepAliveMs,
      // Node checks the two timeouts on an interval (30 s by default); a quarter of the headers timeout keeps them close to what was asked.
      connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(headersMs / 4))),
    },
    createHandler(state),
  );
  // Malformed or timed-out requests get Node's statuses (400, 408, 431) with a JSON body; the server never throws over them.
  server.on("clientError", onClientError(resolved.log));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new MockListenError(resolved.host, resolved.port, error)));
    server.listen(resolved.port, resolved.host, () => (server.removeAllListeners("error"), resolve()));
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host: resolved.host,
    port,
    createJob: (input) => jobs.create(simulationPlan(catalogue, input), resolved.now()),
    addFault: (input) => state.faults.add(input),
    clearFaults: () => state.faults.clear(),
    close: () =>
      (closed ??= new Promise((resolve) => {
        abort.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
