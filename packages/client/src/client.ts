// `createJobsClient`: requests go through openapi-fetch's `createClient<paths>`; this module adds what it
// does not do — auth, a body-size cap, refusing redirects, the call's deadline, retries, normalised errors.
import createClient from "openapi-fetch";
import { deferredWait } from "./client-wait.js";
import { InvalidArgumentError, JobsApiError, errorFromResponse, invalidResponse, networkError, timeoutError, type ErrorContext } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { isJobShaped, rememberService, type JobOf, type ServiceName } from "./jobs.js";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, POLL, assertJobId, checkClientOptions, checkGetJobOptions, resolveRetry } from "./options.js";
import type { AkSkAuth, CancelSlot, GetJobOptions, JobsClientOptions, ResolvedRetry, RetryOptions, WaitOptions } from "./options.js";
import type { JobHeaders } from "./signer.js";
import { setTimer } from "./timer.js";
import type { JobWait } from "./wait.js";
import type { ReadAnswer, nodeHttpFetch } from "./node-http-chunk.js";

/** A job body larger than this (16 MiB) is refused (INVALID_RESPONSE) rather than buffered. */ export const MAX_JOB_BODY_BYTES = 2 ** 24;

/** Error bodies are read up to this size (64 KiB); the rest is dropped. */ const MAX_ERROR_BODY_BYTES = 2 ** 16;
/** What a wait's poll asks of `getJob`: one request, the wait retries. */ const NO_RETRY: GetJobOptions = { retry: false };
/** The one operation, `showJob`, as the spec names its path. */ const JOB_PATH = "/v1/{project_id}/jobs/{job_id}";

/** A client for the job API of one service, typed by that service (`EvsJob` for `"evs"`, …). */
export interface JobsClient<S extends ServiceName> {
  readonly service: S;
  readonly projectId: string;
  /** Base URL requests go to, e.g. `https://evs.eu-de.otc.t-systems.com`. */ readonly endpoint: string;
  /** Fetches a job or sub-job (`EvsJob` for `"evs"`, …); rejects with `InvalidArgumentError`, `JobsApiError` or the signal's reason. */
  getJob(jobId: string, options?: GetJobOptions): Promise<JobOf<S>>;
  /** Polls the job until it ends (exit conditions: see `waitForJob`); each poll is one `getJob` without retries. */
  waitForJob(jobId: string, options?: WaitOptions<JobOf<S>>): JobWait<JobOf<S>>;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Reads a body as text, stopping after `limitBytes` (a huge or endless body cannot exhaust memory) and rejecting with the
 * signal's reason even if the stream ignores it. The global `fetch` keeps to its `Content-Length`: such a body is read at once.
 */
async function readBodyText(response: Response, limitBytes: number, signal: AbortSignal, lengthEnforced: boolean) {
  if (!response.body) return { text: "", truncated: false };
  const length = lengthEnforced ? response.headers.get("content-length") : null;
  if (length !== null && Number(length) <= limitBytes) return { text: await response.text(), truncated: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let [text, received] = ["", 0];
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) return { text: text + decoder.decode(), truncated: false };
      const room = limitBytes - received;
      received += value.byteLength;
      if (value.byteLength > room) return { text: text + decoder.decode(value.subarray(0, Math.max(0, room))), truncated: true };
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => {}); // releases the connection
  }
}

/**
 * One `getJob` call: it ends (aborts) when the caller's signal aborts (reason kept), at its deadline, or when the wait
 * engine cancels it through its slot. The timer is hand-written, not `AbortSignal.timeout`, so fake timers drive it.
 *
 * No `AbortSignal` unless something needs one: the node:http transport hangs its cancel on `cancel`, and the wait engine
 * cancels through a slot (see `POLL`). On Node 20 each `AbortSignal` made is kept past a young collection or two (Node's own
 * doing: a loop making signals and dropping them promotes ten times the bytes of one making event targets), and with 10,000
 * waits sending 500 requests a second the two signals per request (the wait's and the call's) raised the peak RSS by about
 * 20 MB (bench item 4: 135 MB without). `signal` makes one on first use: the global `fetch`, a `fetch` option, a retry's sleep.
 *
 * A class, not an object literal, and `dispose` lets go of the caller, the listener and the timer: V8 pretenured the
 * literals of the calls made during the burst of 10,000 waits, and each finished call then kept its request's objects alive
 * until the next full collection.
 */
class Call {
  aborted?: boolean;
  reason: unknown;
  /** Set by the node:http transport while its request is in flight. */ cancel: ((reason: unknown) => void) | undefined;
  private controller: AbortController | undefined;
  private caller: AbortSignal | undefined;
  private onAbort: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(caller: AbortSignal | undefined, timeoutMs: number, onTimeout: () => unknown) {
    this.caller = caller;
    caller?.addEventListener("abort", (this.onAbort = () => this.abort(caller.reason))); // removed by dispose
    if (caller?.aborted) this.abort(caller.reason);
    else this.timer = setTimer(() => this.abort(onTimeout()), timeoutMs);
  }

  /** A signal that follows the call, made on first use. */
  get signal(): AbortSignal {
    const controller = (this.controller ??= new AbortController());
    if (this.aborted) controller.abort(this.reason); // a no-op once aborted
    return controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    this.cancel?.(reason);
  }

  dispose(): void {
    this.caller?.removeEventListener("abort", this.onAbort as () => void); // no listener: a no-op
    clearTimeout(this.timer);
    this.caller = this.onAbort = this.timer = this.cancel = this.controller = undefined;
  }
}

/** Delay before the retry after attempt `attempt`: full jitter over a capped exponential, or exactly the server's `retryAfterMs`. */
export function backoffDelay(attempt: number, policy: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = policy.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = Math.min(policy.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs, base * 2 ** Math.min(attempt - 1, 30));
  return Math.floor((policy.random ?? Math.random)() * cap);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // Full jitter draws 0 now and then; a timer would still cost a clock tick.
  if (ms <= 0 || signal.aborted) return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return abortable(new Promise<void>((resolve) => (timer = setTimer(resolve, ms))), signal).finally(() => clearTimeout(timer));
}

/** Runs `operation` until it succeeds or fails for good; only retryable `JobsApiError`s are retried, `call` cancels the sleep. */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: ResolvedRetry, call: Pick<Call, "aborted" | "signal">): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof JobsApiError) || call.aborted || attempt >= policy.maxAttempts) throw error;
      if (!(policy.shouldRetry ?? ((e: JobsApiError) => e.retryable))(error, attempt)) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) throw error;
      const delayMs = backoffDelay(attempt, policy, error.retryAfterMs);
      try {
        policy.onRetry?.({ attempt, delayMs, error });
      } catch {
        // An observer must not change the outcome of the call.
      }
      await sleep(delayMs, call.signal);
    }
  }
}

/** What openapi-fetch builds in place of a `Request`: its URL and init (method, headers, signal, redirect) as they are. */
class PlainRequest {
  constructor(
    readonly url: string,
    init: RequestInit,
  ) {
    Object.assign(this, init);
  }
}

/** Whether requests go through node:http (Node itself, ≥ 20.16): Bun's and Deno's node:http sit on their own fetch. */
function onNode(): boolean {
  const host = (globalThis as { process?: { versions?: Record<string, string>; getBuiltinModule?: unknown } }).process;
  return typeof host?.getBuiltinModule === "function" && host.versions?.["bun"] === undefined && !("Deno" in globalThis);
}

function looksLikeResponse(value: unknown): value is Response {
  const r = value as Partial<Response> | null | undefined;
  return typeof r?.status === "number" && typeof r.headers?.get === "function";
}

/**
 * Creates a client for one service's `GET /v1/{project_id}/jobs/{job_id}`. Options are checked at once
 * (`InvalidArgumentError`); nothing is sent until `getJob` or `waitForJob` is called. AK/SK signing is loaded on the
 * first signed request, so a token-only app's bundle leaves the signer out.
 *
 * @example
 * const evs = createJobsClient({ service: "evs", region: "eu-de", projectId, auth: { token } });
 * const job = await evs.getJob(jobId); // EvsJob
 * const done = await evs.waitForJob(jobId, { timeoutMs: 600_000 });
 */
export function createJobsClient<S extends ServiceName>(options: JobsClientOptions<S>): JobsClient<S> {
  const { endpoint, secrets } = checkClientOptions(options);
  const { service, projectId, auth, fetch: userFetch } = options;
  const context: ErrorContext = { service, secrets };
  const clientRetry = resolveRetry(options.retry, undefined);
  // The validators load on the first body checked: with `validate: "off"` they are neither loaded nor bundled.
  let contract: Promise<typeof import("./validation-chunk.js")> | undefined;
  // The transport without a `fetch` option: node:http on Node (loaded on the first request), the global fetch elsewhere.
  const viaNode = userFetch === undefined && onNode();
  let nodeSend: typeof nodeHttpFetch | undefined;

  /**
   * What openapi-fetch sends through: refuses redirects and non-answers, and caps error bodies before it reads them.
   * `request` is a `PlainRequest`: node:http reads its URL and headers, the global `fetch` builds the one `Request` of the
   * call (a second one, following the signal, cost measurable time and memory per call); a `fetch` option still receives
   * a real `Request`.
   */
  async function send(request: Request): Promise<Response> {
    const { call } = request as Request & { call: Call };
    if (call.aborted) throw call.reason;
    const response: unknown = await (userFetch
      ? abortable(Promise.resolve().then(() => userFetch(new Request(request.url, request))), request.signal)
      : viaNode
        ? (nodeSend ??= (await import("./node-http-chunk.js")).nodeHttpFetch)(request, call, MAX_JOB_BODY_BYTES, MAX_ERROR_BODY_BYTES)
        : fetch(request.url, request));
    if (!looksLikeResponse(response)) throw invalidResponse(context, undefined, "something that is not a Response");
    // Browsers hide the status of a redirect not followed (type "opaqueredirect", status 0).
    if (response.type === "opaqueredirect") throw invalidResponse(context, undefined, "a redirect, which is not followed");
    const { status } = response;
    if (status >= 300 && status < 400) {
      const message = `${service} answered with a redirect, which is not followed (credentials would go along)`;
      throw new JobsApiError({ status, code: `HTTP_${status}`, message, service, retryable: false });
    }
    if (status === 0 || response.type === "error") throw networkError(context, new Error("network error response"));
    if (status < 300 || viaNode) return response; // node:http's answer is read already, an error body up to its cap
    const body = await readBodyText(response, MAX_ERROR_BODY_BYTES, request.signal, !userFetch).catch(() => {
      if (call.aborted) throw call.reason;
      return { text: "" };
    });
    return new Response(body.text, { status, statusText: response.statusText, headers: response.headers });
  }

  const api = createClient<paths>({
    baseUrl: endpoint,
    fetch: send,
    Request: PlainRequest as unknown as typeof Request,
    redirect: "manual", // credentials must not follow a Location header elsewhere
    headers: "token" in auth ? { Accept: "application/json", "X-Auth-Token": auth.token } : { Accept: "application/json" },
  });
  // AK/SK: per-request headers (measured a little cheaper than an openapi-fetch middleware) from a signer set up once for
  // this client, loaded on the first signed request.
  let sign: ((jobId: string) => JobHeaders | Promise<JobHeaders>) | undefined;
  const loadSigner = async () => (sign ??= (await import("./signing-chunk.js")).jobSigner(endpoint, auth as AkSkAuth, projectId));

  async function fetchOnce(jobId: string, call: Call): Promise<JobOf<S>> {
    const signal = viaNode ? undefined : call.signal; // node:http is cancelled through the call
    try {
      const headers = "token" in auth ? undefined : await (sign ?? (await loadSigner()))(jobId);
      const params = { path: { project_id: projectId, job_id: jobId } };
      const init = { params, headers, parseAs: "stream" as const, signal, call }; // openapi-fetch hands `call` on to `send`
      const { error, response } = await api.GET(JOB_PATH, init);
      if (!response.ok) throw errorFromResponse(response, error, context);
      const body = signal ? await readBodyText(response, MAX_JOB_BODY_BYTES, signal, !userFetch) : (response as unknown as ReadAnswer).read;
      const requestId = response.headers.get("x-request-id") ?? undefined;
      if (body.truncated) throw invalidResponse(context, response.status, `a body over ${MAX_JOB_BODY_BYTES} bytes`, requestId);
      let parsed: { value: unknown } | undefined;
      try {
        parsed = { value: JSON.parse(body.text) };
      } catch {
        // not JSON: said below
      }
      // With validate: "error", any 200 object goes on to the contract check, which names what a job lacks.
      const strict = options.validate === "error" && response.status === 200 && typeof parsed?.value === "object" && parsed.value !== null;
      if (parsed !== undefined && (isJobShaped(parsed.value) || strict)) {
        rememberService(parsed.value as object, service);
        return parsed.value as JobOf<S>;
      }
      // Other 2xx codes carry an error envelope (ECS flow control answers 202 Common.0024).
      if (response.status !== 200) throw errorFromResponse(response, parsed ? parsed.value : body.text, context);
      const what = parsed
        ? "JSON that is not a job (no string job_id, job_type and status)"
        : body.text.trim() === "" ? "an empty body" : "a body that is not JSON";
      throw invalidResponse(context, 200, what, requestId);
    } catch (error) {
      if (call.aborted) throw call.reason;
      if (error instanceof JobsApiError || error instanceof InvalidArgumentError) throw error;
      // No usable answer: refused, reset, a body that broke off, the signer's chunk not loading, a hostile Response.
      throw networkError(context, error);
    }
  }

  /** One `getJob`; a wait's poll passes its slot, where the engine finds the call to cancel (no signal per request). */
  async function getJob(jobId: string, callOptions: GetJobOptions = {}, slot?: CancelSlot): Promise<JobOf<S>> {
    assertJobId(jobId);
    checkGetJobOptions(callOptions);
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const policy = callOptions.retry === undefined ? clientRetry : resolveRetry(options.retry, callOptions.retry);
    const call = new Call(callOptions.signal, timeoutMs, () => timeoutError(context, timeoutMs));
    if (slot) slot.call = call;
    let lastError: JobsApiError | undefined; // so that a TIMEOUT during backoff can say what went wrong before it
    try {
      const attempt = () => fetchOnce(jobId, call).catch((e: unknown) => Promise.reject(e instanceof JobsApiError ? (lastError = e) : e));
      const job = await withRetry(attempt, policy, call);
      return (options.validate ?? "off") === "off" ? job : (await (contract ??= import("./validation-chunk.js"))).checkedJob(options, service, job, jobId);
    } catch (error) {
      const reason: unknown = call.aborted ? call.reason : error;
      if (reason instanceof JobsApiError && reason.code === "TIMEOUT" && lastError !== undefined && reason.cause === undefined) {
        throw timeoutError(context, timeoutMs, lastError);
      }
      throw reason;
    } finally {
      call.dispose(); // a late cancel through the slot finds nothing to do
    }
  }

  // How a watcher given this client polls (see `POLL`): each poll without retries, cancelled through its slot.
  const poll = (jobId: string, slot: CancelSlot) => getJob(jobId, NO_RETRY, slot);
  const client = {
    service,
    projectId,
    endpoint,
    getJob,
    waitForJob: (jobId: string, waitOptions?: WaitOptions<JobOf<S>>) => deferredWait<JobOf<S>>(poll, jobId, { service, ...waitOptions }),
    [POLL]: poll,
  };
  return client;
}
