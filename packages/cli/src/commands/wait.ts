import { assertJobId, createJobsClient, JobFailedError, type WaitRetryInfo } from "@cloud-jobs/client";
import { clientOptionsFrom, type ConnectionFlags } from "../connection-options.js";
import { parseDuration } from "../duration.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { InterruptedError } from "../interrupted-error.js";
import { createProgressDisplay } from "../progress-display.js";
import type { RunContext } from "../run-context.js";
import { printJob } from "./get.js";

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
