import { createJobsClient, isFailed, type ServiceName } from "@cloud-jobs/client";
import { clientOptionsFrom, type ConnectionFlags } from "../connection-options.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { formatJob } from "../format-job.js";
import type { RunContext } from "../run-context.js";

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
