import { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError, summarizeSubJobs } from "@cloud-jobs/client";
import { SharedCapError } from "@cloud-jobs/client/shared";
import { CommanderError } from "commander";
import { formatDuration } from "./format.js";
import { formatSubJobCounts } from "./progress.js";

/**
 * Exit codes of `cloud-jobs`; scripts branch on them, so they never change meaning: 0 success, 1 the job failed, 2 the
 * command line or environment is wrong, 3 the wait timed out, 4 the API or the network failed, 5 a response does not
 * match the contract, 130 Ctrl-C (143 SIGTERM) during a wait. @example cloud-jobs wait "$JOB" --service ecs; case $? in 1) echo failed;; esac
 */
export const ExitCode = {
  Success: 0,
  JobFailed: 1,
  Usage: 2,
  Timeout: 3,
  ApiError: 4,
  ContractViolation: 5,
  // 128 + the signal number, what shells report for a process stopped by it: SIGINT (Ctrl-C) 2, SIGTERM 15.
  Interrupted: 130,
  Terminated: 143,
} as const;

/** One of the values of `ExitCode`. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The command line or the environment cannot work (no `--service`, no credentials, …): exit 2; `hint` says what to do. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "USAGE";

  /** `option`: the option or variable at fault, e.g. `--timeout` or `OS_SECRET_KEY`; `hint`: one line telling how to fix it. */
  constructor(
    readonly option: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Ctrl-C (or SIGTERM) during a wait: the abort reason of its signal; exit 130 (143). The job keeps running on the server. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  readonly code = "INTERRUPTED";

  /** `signal`: the signal that stopped the wait. */
  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`interrupted by ${signal}; the job keeps running on the server`);
  }
}

// Codes that mean the credentials were refused, whatever status the service used (400 or 401).
const AUTH_CODES = new Set(["common.0013", "bms.0032", "evs.0002", "apigw.0301"]);
const PROJECT_MISMATCH_CODES = new Set(["common.0018", "ecs.0023", "evs.0001"]);

/** What to check when a service does not know a job (`wait` reports it as `JobNotFoundError`). */
export const CHECK_JOB_HINT = "check the job id, --service and --project-id";

const UNKNOWN_JOB_HINT = `unknown or expired job: ${CHECK_JOB_HINT} (finished jobs are deleted about a day after they end)`;

/** One line telling the user what to do about an API or network error, by its code first (services disagree on statuses), then by HTTP status. */
export function apiErrorHint(error: Pick<JobsApiError, "code" | "status">, endpoint: string | undefined): string | undefined {
  const code = error.code.toLowerCase();
  const where = endpoint === undefined ? "" : ` (${endpoint})`;
  if (code === "common.0011") return UNKNOWN_JOB_HINT;
  if (AUTH_CODES.has(code) || error.status === 401) return "credentials refused: check OS_AUTH_TOKEN (tokens expire after 24 hours) or OS_ACCESS_KEY/OS_SECRET_KEY";
  if (PROJECT_MISMATCH_CODES.has(code)) return "the project id does not belong to these credentials: check --project-id / OS_PROJECT_ID";
  if (error.status === 403) return "the credentials may not read jobs of this project: check the IAM policy";
  if (error.status === 404 || code === "apigw.0101") return `no job API at this address${where}: check --endpoint, --service and --region`;
  if (error.status === 429 || ["common.1503", "common.0024", "apigw.0308"].includes(code)) return "rate limited: try again in a moment";
  if (code === "network_error") return `could not reach the service${where}: check --endpoint / --region and the network`;
  if (code === "timeout") return "the service did not answer in time: try again";
  if (code === "invalid_response") return `the answer was not a job${where}: check --endpoint and --service`;
  if (error.status !== undefined && error.status >= 500) return "the service failed: try again later";
  return undefined;
}

/** What the CLI prints on stderr for an error, and the exit code it ends with. */
export interface ErrorReport {
  readonly exitCode: ExitCodeValue;
  /** Lines for stderr, without the `cloud-jobs: ` prefix of the first. */
  readonly lines: readonly string[];
}

function detail(label: string, value: string | undefined): string[] {
  return value === undefined || value === "" ? [] : [`  ${label}: ${value}`];
}

function timeoutReport(error: WaitTimeoutError): ErrorReport {
  const last = error.lastJob as object | undefined;
  const seen = last === undefined ? undefined : [(last as { status?: string }).status, formatSubJobCounts(summarizeSubJobs(last))];
  const lastError = error.lastError instanceof Error ? error.lastError.message : undefined;
  return {
    exitCode: ExitCode.Timeout,
    lines: [
      `gave up waiting for job ${error.jobId} after ${formatDuration(error.timeoutMs)}`,
      ...detail("last seen", seen?.filter(Boolean).join(", ")),
      ...detail("last error", lastError),
      ...detail("polls", String(error.state.polls)),
      "  hint: the job may still finish; wait again with a longer --timeout",
    ],
  };
}

/** Maps anything a command throws to an exit code and lines: what happened, the API's code, request id, a hint (never a secret). */
export function describeError(error: unknown, endpoint?: string): ErrorReport {
  if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage, lines: [] };
  if (error instanceof UsageError) return { exitCode: ExitCode.Usage, lines: [error.message, ...detail("hint", error.hint)] };
  if (error instanceof InvalidArgumentError) return { exitCode: ExitCode.Usage, lines: [error.message] };
  if (error instanceof InterruptedError) return { exitCode: error.signal === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted, lines: [error.message] };
  if (error instanceof JobFailedError) return { exitCode: ExitCode.JobFailed, lines: [error.message] };
  if (error instanceof WaitTimeoutError) return timeoutReport(error);
  // Its message already names the code, the request id and the expiry rule.
  if (error instanceof JobNotFoundError) return { exitCode: ExitCode.ApiError, lines: [error.message, `  hint: ${CHECK_JOB_HINT}`] };
  if (error instanceof SharedCapError) return { exitCode: ExitCode.ApiError, lines: [error.message, "  hint: check --redis (or CLOUD_JOBS_REDIS), or leave it out to keep this run's own --max-rps"] };
  if (error instanceof JobsApiError) {
    return {
      exitCode: ExitCode.ApiError,
      lines: [
        error.message,
        ...detail("code", error.message.includes(error.code) ? undefined : error.code),
        ...detail("request id", error.requestId),
        ...detail("hint", apiErrorHint(error, endpoint)),
      ],
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: ExitCode.ApiError, lines: [`unexpected error: ${message}`] };
}
