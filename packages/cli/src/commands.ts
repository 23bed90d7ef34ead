import { assertJobId, createJobsClient, isFailed, JobFailedError, type ServiceName, type WaitRetryInfo } from "@cloud-jobs/client";
import { clientOptionsFrom, type ConnectionFlags } from "./connection.js";
import { ExitCode, InterruptedError, UsageError, type ExitCodeValue } from "./errors.js";
import { formatJob, parseDuration } from "./format.js";
import type { RunContext } from "./main.js";
import { createProgressDisplay } from "./progress.js";

/** Flags of `cloud-jobs get`. */
export interface GetFlags extends ConnectionFlags {
  readonly json?: boolean;
}

/** Writes a job to stdout: the body as JSON with `--json`, else the human summary. */
export function printJob(context: RunContext, job: object, service: ServiceName, json: boolean | undefined): void {
  context.io.stdout.write(`${json === true ? JSON.stringify(job, null, 2) : formatJob(job, service)}\n`);
}

/**
 * `cloud-jobs get <job-id>`: fetches the job once (with the client's retries
 * of 429/5xx) and prints it. Exits 1 when the job is in FAIL, so a script can
 * tell a failed job from a fetched one without parsing the output.
 */
export async function runGet(jobId: string, flags: GetFlags, context: RunContext): Promise<ExitCodeValue> {
  const client = createJobsClient({ ...clientOptionsFrom(flags, context.io.env), fetch: context.io.fetch });
  context.endpoint = client.endpoint;
  const job = await client.getJob(jobId);
  printJob(context, job, flags.service, flags.json);
  return isFailed(job) ? ExitCode.JobFailed : ExitCode.Success;
}

/** Flags of `cloud-jobs wait`. */
export interface WaitFlags extends ConnectionFlags {
  readonly json?: boolean;
  readonly timeout: string;
}

/** The final job after the progress lines, set apart by a blank line unless stdout is JSON only. */
function printFinal(context: RunContext, job: object, flags: WaitFlags): void {
  if (flags.json !== true) context.io.stdout.write("\n");
  printJob(context, job, flags.service, flags.json);
}

function describeRetry(info: WaitRetryInfo): string {
  const reason = info.error instanceof Error ? info.error.message : String(info.error);
  const next = info.nextPollInMs === undefined ? "" : ` (next poll in ${Math.ceil(info.nextPollInMs / 1000)}s)`;
  return `${reason}${next}`;
}

/**
 * `cloud-jobs wait <job-id>`: polls with the client's waiter until the job
 * ends, showing progress — live on a terminal, one line per change
 * otherwise; with `--json` progress goes to stderr so stdout holds only the
 * final job. Ctrl-C aborts the wait (exit 130); the job keeps running.
 *
 * @throws JobFailedError after printing the failed job (exit 1), WaitTimeoutError (3), API errors (4).
 */
export async function runWait(jobId: string, flags: WaitFlags, context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  const timeoutMs = parseDuration(flags.timeout, "--timeout");
  const client = createJobsClient({ ...clientOptionsFrom(flags, io.env), fetch: io.fetch });
  context.endpoint = client.endpoint;
  // Refuse a bad id before the display draws anything for it.
  assertJobId(jobId);
  const controller = new AbortController();
  const stopListening = io.onInterrupt((signal) => controller.abort(new InterruptedError(signal)));
  const display = createProgressDisplay(flags.json === true ? io.stderr : io.stdout, jobId);
  try {
    const job = await client.waitForJob(jobId, {
      timeoutMs,
      signal: controller.signal,
      onProgress: (progress) => display.update(progress),
      onRetry: (info) => display.retrying(describeRetry(info)),
    });
    display.finish();
    printFinal(context, job, flags);
    return ExitCode.Success;
  } catch (error) {
    display.finish();
    if (error instanceof JobFailedError) printFinal(context, error.job as object, flags);
    throw error;
  } finally {
    stopListening();
  }
}

/**
 * `cloud-jobs mock [options]`: hands the arguments to `runMockCli` of
 * @cloud-jobs/mock-server, which owns the mock's options (`--port`, `--host`,
 * `--access-key`/`--secret-key`, `--token`, `--service`, `--quiet`, `--help`)
 * and runs the server until Ctrl-C or SIGTERM. Its exit codes are mapped onto
 * the CLI's: 0 stopped cleanly, 2 usage error, and 4 (not the mock's 1,
 * which means "job failed" here) when it cannot listen. The mock server is an
 * optional peer dependency, loaded only here: installing the CLI does not
 * install it and its fixtures; without it, `mock` exits 2 saying how to add it.
 */
export async function runMock(args: readonly string[], context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  const { runMockCli } = await import("@cloud-jobs/mock-server").catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ERR_MODULE_NOT_FOUND" || !error.message.includes("@cloud-jobs/mock-server")) throw error;
    throw new UsageError("mock", "the mock server is not installed", "install it beside the CLI: npm install --global @cloud-jobs/mock-server (or npm install --save-dev @cloud-jobs/mock-server in a project)");
  });
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  try {
    const code = await runMockCli(args, { stdout: io.stdout, stderr: io.stderr, signal: controller.signal });
    return code === 0 ? ExitCode.Success : code === 2 ? ExitCode.Usage : ExitCode.ApiError;
  } finally {
    stopListening();
  }
}
