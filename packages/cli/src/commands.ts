import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertJobId, ContractViolationError, createJobsClient, createJobWatcher, InvalidArgumentError, isFailed, JobFailedError, JobsApiError, subJobsOf, summarizeSubJobs } from "@cloud-jobs/client";
import type { ContractViolation, Job, ServiceName, WaitRetryInfo, WaitState } from "@cloud-jobs/client";
import { createSharedJobWatcher } from "@cloud-jobs/client/shared";
import { clientOptionsFrom, secretsInEnv, type ConnectionFlags } from "./connection.js";
import { describeError, ExitCode, InterruptedError, UsageError, type ExitCodeValue } from "./errors.js";
import { formatJob, parseDuration } from "./format.js";
import type { RunContext } from "./main.js";
import { redact } from "./io.js";
import { createProgressDisplay } from "./progress.js";

/** Flags of `cloud-jobs get`. */
export interface GetFlags extends ConnectionFlags {
  readonly json?: boolean;
}

/** Writes a job to stdout: the body as JSON with `--json`, else the human summary. */
export function printJob(context: RunContext, job: object, service: ServiceName, json: boolean | undefined, gap = false): void {
  context.io.stdout.write(`${gap ? "\n" : ""}${json === true ? JSON.stringify(job, null, 2) : formatJob(job, service)}\n`);
}

/** `cloud-jobs get <job-id>`: fetches the job once (the client retries 429/5xx) and prints it; exit 1 when it is in FAIL. */
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
  readonly maxRps: string;
  readonly state?: string;
  readonly redis?: string;
  readonly redisKey: string;
}

/** The watcher of `wait`: this run's own cap, or with `--redis` (or `CLOUD_JOBS_REDIS`) one shared with every run on that Redis and key. */
async function watcherFor(client: ReturnType<typeof createJobsClient>, maxRequestsPerSecond: number, flags: WaitFlags, io: RunContext["io"]) {
  const redis = flags.redis ?? (io.env["CLOUD_JOBS_REDIS"] || undefined);
  if (redis === undefined) return createJobWatcher({ client, maxRequestsPerSecond });
  const onSharingChange = ({ shared, error }: { shared: boolean; error?: unknown }) =>
    io.stderr.write(shared ? "Redis answers again: the waits share its cap again\n" : `warning: Redis does not answer (${error instanceof Error ? error.message : String(error)}): the waits go on under this run's own --max-rps\n`);
  try {
    return await createSharedJobWatcher({ client, maxRequestsPerSecond, shared: { redis, key: flags.redisKey, onSharingChange } });
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const [flag, hint] = error.argument === "shared.key" ? ["--redis-key", "pass a name without spaces or braces, e.g. your project id"] : ["--redis", "pass a URL such as redis://127.0.0.1:6379 (or set CLOUD_JOBS_REDIS)"];
    throw new UsageError(flag, error.message.replace(/^Invalid shared\.\w+/, flag), hint);
  }
}

function describeRetry(info: WaitRetryInfo): string {
  const reason = info.error instanceof Error ? info.error.message : String(info.error);
  const next = info.nextPollInMs === undefined ? "" : ` (next poll in ${Math.ceil(info.nextPollInMs / 1000)}s)`;
  return `${reason}${next}`;
}

/** The `--state` file: every wait's resumable state (ids, times, counts; never a credential), by job id. */
type StateFile = { version: 1; waits: Record<string, WaitState> };

function readState(path: string): StateFile {
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as StateFile;
    if (file.version === 1 && typeof file.waits === "object" && file.waits !== null) return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, waits: {} };
  }
  throw new UsageError("--state", `${path} is not a state file of cloud-jobs wait`, "pass a new file, or the one an earlier run wrote");
}

/** Exit codes of `wait`, best first: the run exits with the worst outcome of its waits. */
const WORST_LAST: readonly ExitCodeValue[] = [ExitCode.Success, ExitCode.JobFailed, ExitCode.Timeout, ExitCode.ApiError, ExitCode.Usage, ExitCode.Terminated, ExitCode.Interrupted];

/**
 * `cloud-jobs wait <job-id>… | -`: waits for every job (ids from stdin with `-`; from the `--state` file when none
 * are given) through one watcher under `--max-rps`, showing progress — live on a terminal, one line per change
 * otherwise; with `--json` progress goes to stderr so stdout holds only the result. `--state FILE` keeps every wait's
 * state after each change; a rerun resumes them and polls no job that had finished. Ctrl-C stops every wait (exit 130).
 * One job: its final body is printed and its error thrown. Several: one summary line each, or a `--json` array, and
 * the exit code of the worst outcome (`WORST_LAST`).
 */
export async function runWait(args: readonly string[], flags: WaitFlags, context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  const timeoutMs = parseDuration(flags.timeout, "--timeout");
  const maxRequestsPerSecond = Number(flags.maxRps);
  if (!(maxRequestsPerSecond > 0 && maxRequestsPerSecond <= 10_000)) throw new UsageError("--max-rps", `--max-rps "${flags.maxRps}" is not a rate`, "pass requests per second, e.g. 10 or 0.5");
  const client = createJobsClient({ ...clientOptionsFrom(flags, io.env), fetch: io.fetch });
  context.endpoint = client.endpoint;
  const state = flags.state === undefined ? undefined : readState(flags.state);
  const stdin = args.includes("-") ? ((await io.readStdin?.()) ?? "").split(/\s+/) : [];
  const ids = [...new Set([...args, ...stdin].filter((id) => id !== "-" && id !== ""))];
  if (ids.length === 0) ids.push(...Object.keys(state?.waits ?? {}));
  if (ids.length === 0) throw new UsageError("<job-id>", "no job id", "pass job ids, - to read them from stdin, or --state FILE of an earlier run");
  // Refuse a bad id before the display draws anything for it.
  ids.forEach((id) => assertJobId(id));
  const watcher = await watcherFor(client, maxRequestsPerSecond, flags, io);
  const controller = new AbortController();
  const stopListening = io.onInterrupt((signal) => controller.abort(new InterruptedError(signal)));
  const display = createProgressDisplay(flags.json === true ? io.stderr : io.stdout, ids);
  // Written whole or not at all (a temporary file renamed over it): a killed run leaves the last complete state.
  const save = (jobState: WaitState, path = flags.state) => {
    if (!state || !path) return;
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ ...state, waits: Object.assign(state.waits, { [jobState.jobId]: jobState }) }, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  };
  const waitFor = async (jobId: string): Promise<{ jobId: string; job?: Job; error?: unknown }> => {
    const saved = state?.waits[jobId];
    // A job that finished in an earlier run is not polled again: what that run saw stands.
    if (saved?.lastStatus === "SUCCESS" || saved?.lastStatus === "FAIL") {
      const elapsedMs = Date.parse(saved.lastPolledAt ?? saved.startedAt) - Date.parse(saved.startedAt);
      display.update({ status: saved.lastStatus, subJobs: summarizeSubJobs({}), elapsedMs }, jobId);
      return { jobId, job: { job_id: jobId, job_type: "", status: saved.lastStatus } as Job };
    }
    const options = { timeoutMs, signal: controller.signal, resumeFrom: saved, service: flags.service };
    return watcher
      .wait(jobId, {
        ...options,
        onProgress: (progress) => (save(progress.state), display.update(progress, jobId)),
        onRetry: (info) => display.retrying(describeRetry(info), jobId),
      })
      .then((job) => ({ jobId, job }), (error: unknown) => ({ jobId, error, job: error instanceof JobFailedError ? (error.job as Job) : undefined }));
  };
  let results: Awaited<ReturnType<typeof waitFor>>[];
  try {
    results = await Promise.all(ids.map(waitFor));
  } finally {
    display.finish();
    watcher.close();
    stopListening();
  }
  const codeOf = ({ job, error }: (typeof results)[number]) =>
    error !== undefined ? describeError(error, context.endpoint).exitCode : job?.status === "FAIL" ? ExitCode.JobFailed : ExitCode.Success;
  if (results.length === 1) {
    const [{ job, error }] = results as [(typeof results)[number]];
    // The final job after the progress lines, set apart by a blank line unless stdout is JSON only.
    if (job) printJob(context, job, flags.service, flags.json, flags.json !== true);
    if (error !== undefined) throw error;
    return codeOf(results[0]!);
  }
  if (flags.json === true) {
    const rows = results.map((r) => ({ job_id: r.jobId, exit_code: codeOf(r), job: r.job, error: r.error instanceof Error ? r.error.message : undefined }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const r of results) io.stdout.write(`${r.jobId}  ${r.error === undefined ? r.job?.status : describeError(r.error, context.endpoint).lines[0]}\n`);
  }
  return results.map(codeOf).reduce((worst, code) => (WORST_LAST.indexOf(code) > WORST_LAST.indexOf(worst) ? code : worst));
}

/** Flags of `cloud-jobs check`. */
export interface CheckFlags extends ConnectionFlags {
  readonly json?: boolean;
  readonly record?: string;
}

/** One body checked: the job (or sub-job) it came for, and how it fares against the contract. */
type Checked = { job_id: string; sub_job_of?: string; conforms: boolean; schema?: string; violations: readonly ContractViolation[]; error?: string };

/**
 * A body safe to keep: every `job_id` it holds and the project id replaced by stable placeholders of the same shape
 * (`00000000000000000000000000000001`, …), so a recorded body still validates and can become a fixture.
 */
function placeholders(job: object, projectId: string): string {
  let text = JSON.stringify(job, null, 2);
  const ids = [...text.matchAll(/"job_id": "([^"]+)"/g)].map((m) => m[1]!);
  [...new Set(ids)].forEach((id, i) => (text = text.split(id).join(id.includes("-") ? `00000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}` : String(i + 1).padStart(32, "0"))));
  return text.split(projectId).join("f".repeat(32));
}

/**
 * `cloud-jobs check <job-id>…`: fetches each job, and each of its sub-jobs the API answers for on its own, and checks
 * every body against the contract of `--service` (the client's `validate: "error"`). Prints "conforms" or each
 * violation with its JSON pointer, what the contract expects, what came and what it cites there; `--json` a report;
 * `--record DIR` the bodies with ids replaced. Exits 0 when all conform, 5 when any does not, 4 on an API error.
 */
export async function runCheck(jobIds: readonly string[], flags: CheckFlags, context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  const options = clientOptionsFrom(flags, io.env);
  const client = createJobsClient({ ...options, fetch: io.fetch, validate: "error" });
  context.endpoint = client.endpoint;
  jobIds.forEach((id) => assertJobId(id));
  const report: Checked[] = [];
  let code: ExitCodeValue = ExitCode.Success;
  const check = async (jobId: string, parent?: string): Promise<object | undefined> => {
    const entry: Checked = { job_id: jobId, ...(parent ? { sub_job_of: parent } : {}), conforms: true, violations: [] };
    const job = await client.getJob(jobId).catch((error: unknown) => {
      if (error instanceof ContractViolationError) return Object.assign(entry, { conforms: false, violations: error.violations }) && (error.job as object);
      // A sub-job the API does not know on its own was checked inside its job already.
      if (parent && error instanceof JobsApiError && /^common\.0011$/i.test(error.code)) return undefined;
      code = ExitCode.ApiError;
      entry.error = describeError(error, context.endpoint).lines.join("\n");
      return undefined;
    });
    if (job === undefined && entry.error === undefined) return undefined;
    report.push(entry);
    if (!entry.conforms && code === ExitCode.Success) code = ExitCode.ContractViolation;
    if (job && flags.record !== undefined) {
      mkdirSync(flags.record, { recursive: true });
      writeFileSync(join(flags.record, `${flags.service}-${report.length}.json`), `${redact(placeholders(job, options.projectId), secretsInEnv(io.env))}\n`);
    }
    return job;
  };
  for (const jobId of jobIds) {
    const job = await check(jobId);
    for (const sub of job ? subJobsOf(job) : []) if (typeof sub.job_id === "string" && sub.job_id !== jobId) await check(sub.job_id, jobId);
  }
  if (flags.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else for (const entry of report) io.stdout.write(formatChecked(entry));
  return code;
}

function formatChecked({ job_id, sub_job_of, conforms, violations, error }: Checked): string {
  const head = `${sub_job_of ? "  sub-job" : "job"} ${job_id}: ${error ?? (conforms ? "conforms" : "does not conform")}\n`;
  const lines = violations.flatMap((v) => [`  ${v.pointer || "/"}`, `    expected: ${v.expected}`, `    found:    ${v.found}`, ...v.cites.map((cite) => `    cites:    ${cite}`)]);
  return head + lines.map((line) => `${line}\n`).join("");
}

/**
 * `cloud-jobs mock [options]`: `runMockCli` of @cloud-jobs/mock-server (its own options and `--help`) until Ctrl-C or
 * SIGTERM; exit 0, 2 usage, 4 (not the mock's 1: "job failed" here) when it cannot listen. An optional peer dependency
 * loaded only here, so installing the CLI does not pull it and the fixtures in; without it, exit 2 saying how to add it.
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
