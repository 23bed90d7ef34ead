import { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError, summarizeSubJobs } from "@cloud-jobs/client";
import { CommanderError } from "commander";
import { apiErrorHint, CHECK_JOB_HINT } from "./api-error-hint.js";
import { formatDuration } from "./duration.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import { InterruptedError } from "./interrupted-error.js";
import { formatSubJobCounts } from "./progress-line.js";
import { UsageError } from "./usage-error.js";

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

/**
 * Maps anything `get`, `wait` or `mock` can throw to an exit code and
 * readable lines: what happened, the API's code, status and request id, and
 * a hint. Secrets never reach these lines — the client redacts its errors, and
 * `main` redacts everything written once more.
 */
export function describeError(error: unknown, endpoint?: string): ErrorReport {
  if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage, lines: [] };
  if (error instanceof UsageError) return { exitCode: ExitCode.Usage, lines: [error.message, ...detail("hint", error.hint)] };
  if (error instanceof InvalidArgumentError) return { exitCode: ExitCode.Usage, lines: [error.message] };
  if (error instanceof InterruptedError) {
    return { exitCode: error.signal === "SIGTERM" ? ExitCode.Terminated : ExitCode.Interrupted, lines: [error.message] };
  }
  if (error instanceof JobFailedError) return { exitCode: ExitCode.JobFailed, lines: [error.message] };
  if (error instanceof WaitTimeoutError) return timeoutReport(error);
  // Its message already names the code, the request id and the expiry rule.
  if (error instanceof JobNotFoundError) return { exitCode: ExitCode.ApiError, lines: [error.message, `  hint: ${CHECK_JOB_HINT}`] };
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
