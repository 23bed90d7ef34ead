import { defaultPathSerializer } from "openapi-fetch";
import { callSignal } from "./call-signal.js";
import {
  DEFAULT_TIMEOUT_MS,
  checkAuth,
  checkRetry,
  checkTimeout,
  type AkSkAuth,
  type GetJobOptions,
  type JobsClientOptions,
} from "./client-options.js";
import { endpointFor } from "./endpoint.js";
import { InvalidArgumentError, JobsApiError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { assertJobId, assertProjectId } from "./ids.js";
import { isJobShaped } from "./job-shape.js";
import { rememberService } from "./job-type.js";
import { errorFromResponse, parseJson } from "./normalize-error.js";
import { readBodyText } from "./read-body.js";
import { resolveRetry, withRetry } from "./retry.js";
import { send } from "./send.js";
import { isServiceName, type ServiceName } from "./service.js";
import { invalidResponse, networkError, timeoutError, type TransportContext } from "./transport-errors.js";
import type { JobOf } from "./types.js";

/** The one operation, `showJob`, as the spec names its path. */
const JOB_PATH: keyof paths = "/v1/{project_id}/jobs/{job_id}";

/** A job body larger than this is refused (INVALID_RESPONSE) rather than buffered. */
export const MAX_JOB_BODY_BYTES = 16 * 1024 * 1024;

/** The part of the client that fetches one job; `JobsClient` adds `waitForJob`. */
export interface JobsClientCore<S extends ServiceName> {
  readonly service: S;
  readonly projectId: string;
  /** Base URL requests go to, e.g. `https://evs.eu-de.otc.t-systems.com`. */
  readonly endpoint: string;
  /**
   * Fetches a job (or sub-job) of this client's service. Resolves to the
   * service's job type (`EvsJob` for `"evs"`, …); rejects with
   * `InvalidArgumentError` (bad id, nothing sent), `JobsApiError` (HTTP/API
   * error, network, timeout, a 200 that is not a job), or the signal's reason.
   */
  getJob(jobId: string, options?: GetJobOptions): Promise<JobOf<S>>;
}

/**
 * A client with `getJob` only: what `createJobsClient` builds on, for apps
 * that poll on their own and want the waiter out of their bundle. Options are
 * checked here, before any request: unknown service, unsafe project id,
 * incomplete auth and bad retry/timeout values throw `InvalidArgumentError`.
 */
export function createJobsClientCore<S extends ServiceName>(options: JobsClientOptions<S>): JobsClientCore<S> {
  if (options === null || typeof options !== "object") throw new InvalidArgumentError("options", "must be an object");
  const { service, projectId, auth } = options;
  if (!isServiceName(service)) throw new InvalidArgumentError("service", 'must be "ecs", "bms", "evs" or "vbs"');
  assertProjectId(projectId);
  const secrets = checkAuth(auth);
  checkTimeout(options.timeoutMs);
  checkRetry(options.retry);
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new InvalidArgumentError("fetch", "must be a function");
  const endpoint = endpointFor(options);
  const context: TransportContext = { service, secrets };
  const fetchFn = options.fetch;
  // A token is a fixed header; AK/SK needs a signature per request, from a module loaded on first use.
  const tokenHeaders: Record<string, string> | undefined = "token" in auth ? { Accept: "application/json", "X-Auth-Token": auth.token } : undefined;
  let signer: Promise<typeof import("./sign-job-request.js")> | undefined;
  const clientRetry = resolveRetry(options.retry, undefined);
  // openapi-fetch fills the spec's path template; the job id goes in per call.
  const urlTemplate = defaultPathSerializer(endpoint + JOB_PATH, { project_id: projectId });

  async function fetchOnce(jobId: string, signal: AbortSignal): Promise<JobOf<S>> {
    try {
      // Ids are checked before any request: only letters, digits, "-" and "_", nothing to encode.
      const url = urlTemplate.replace("{job_id}", jobId);
      let headers = tokenHeaders;
      if (headers === undefined) {
        const { signedJobHeaders } = await (signer ??= import("./sign-job-request.js"));
        headers = await signedJobHeaders(new URL(url), auth as AkSkAuth, projectId);
      }
      const response = await send(fetchFn, url, headers, signal, context);
      const body = await readBodyText(response, MAX_JOB_BODY_BYTES, signal, fetchFn === undefined);
      const requestId = (): string | undefined => response.headers.get("x-request-id") ?? undefined;
      if (body.truncated) throw invalidResponse(context, response.status, `a body over ${MAX_JOB_BODY_BYTES} bytes`, requestId());
      const parsed = parseJson(body.text);
      if (parsed !== undefined && isJobShaped(parsed.value)) {
        rememberService(parsed.value, service);
        return parsed.value as JobOf<S>;
      }
      // Other 2xx codes carry an error envelope (ECS flow control answers 202 Common.0024).
      if (response.status !== 200) throw errorFromResponse(response, body, context);
      const what =
        parsed !== undefined
          ? "JSON that is not a job (an object with string job_id, job_type and status)"
          : body.text.trim() === "" ? "an empty body" : "a body that is not JSON";
      throw invalidResponse(context, 200, what, requestId());
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof JobsApiError || error instanceof InvalidArgumentError) throw error;
      // No usable answer: refused, reset, a body that broke off, the signer's chunk not loading, a hostile Response.
      throw networkError(context, error);
    }
  }

  return {
    service,
    projectId,
    endpoint,
    async getJob(jobId, callOptions = {}) {
      assertJobId(jobId);
      checkRetry(callOptions.retry, "options.retry");
      checkTimeout(callOptions.timeoutMs, "options.timeoutMs");
      const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      let lastError: JobsApiError | undefined;
      const policy = callOptions.retry === undefined ? clientRetry : resolveRetry(options.retry, callOptions.retry);
      const call = callSignal(callOptions.signal, timeoutMs, () => timeoutError(context, timeoutMs));
      try {
        return await withRetry(
          () =>
            fetchOnce(jobId, call.signal).catch((error: unknown) => {
              // Kept so that a TIMEOUT during backoff can say what went wrong before it.
              if (error instanceof JobsApiError) lastError = error;
              throw error;
            }),
          policy,
          call.signal,
        );
      } catch (error) {
        const reason: unknown = call.signal.aborted ? call.signal.reason : error;
        if (reason instanceof JobsApiError && reason.code === "TIMEOUT" && lastError !== undefined && reason.cause === undefined) {
          throw timeoutError(context, timeoutMs, lastError);
        }
        throw reason;
      } finally {
        call.dispose();
      }
    },
  };
}
