import { createRequire } from "node:module";
import { SERVICE_NAMES } from "@cloud-jobs/client";
import { Command, Option } from "commander";
import { runCheck, runGet, runMock, runWait, type CheckFlags, type GetFlags, type WaitFlags } from "./commands.js";
import { CLOUDS, secretsInEnv } from "./connection.js";
import { describeError, ExitCode, type ExitCodeValue } from "./errors.js";
import { processIo, redactingIo, type CliIo } from "./io.js";

/** What one run shares between commander's actions and `main`: the exit code (commander ignores return values), the endpoint. */
export interface RunContext {
  readonly io: CliIo;
  exitCode: ExitCodeValue;
  endpoint: string | undefined;
}

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

const ENVIRONMENT_HELP = `
Environment:
  OS_AUTH_TOKEN                  IAM token, sent as X-Auth-Token; or
  OS_ACCESS_KEY, OS_SECRET_KEY   access key pair, every request signed (SDK-HMAC-SHA256)
  OS_SECURITY_TOKEN              with temporary access keys
  OS_PROJECT_ID                  default of --project-id
  OS_REGION_NAME                 default of --region
  CLOUD_JOBS_REDIS               default of --redis (wait)

Exit codes:
  0 success, 1 job failed, 2 usage error, 3 timeout, 4 API or network error,
  5 a response does not match the contract (check), 130 interrupted by Ctrl-C (143 by SIGTERM);
  waiting for several jobs, the worst outcome: 130/143, then 2, 4, 3, 1, 0`;

/** Adds the options `get`, `wait` and `check` share: where the job lives and how to print it. */
function withConnectionOptions(command: Command): Command {
  return command
    .addOption(new Option("--service <name>", "service the job belongs to").choices(SERVICE_NAMES).makeOptionMandatory())
    .option("--project-id <id>", "project id (default: $OS_PROJECT_ID)")
    .option("--region <id>", "region, e.g. eu-de (default: $OS_REGION_NAME)")
    .addOption(new Option("--cloud <name>", "cloud the region belongs to (default: otc)").choices(CLOUDS))
    .option("--endpoint <url>", "base URL instead of the region's, e.g. http://127.0.0.1:4010")
    .option("--json", "print the job body (wait for several, check: a report) as JSON")
    .addHelpText("after", ENVIRONMENT_HELP);
}

/** The `cloud-jobs` command line; output goes through `context.io`, commander's errors are thrown for `main` to map to exit 2. */
export function buildProgram(context: RunContext): Command {
  const { io } = context;
  const program = new Command("cloud-jobs")
    .description("Get, wait for, check and mock ECS, BMS, EVS and VBS jobs (GET /v1/{project_id}/jobs/{job_id}).")
    .version(version, "-V, --version")
    .exitOverride()
    // Program options only before the command, so `mock` receives everything after its name.
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", ENVIRONMENT_HELP);

  withConnectionOptions(program.command("get").description("print a job: status, type, times, entities and sub-jobs (exit 1 when it is in FAIL)"))
    .argument("<job-id>", "id of the job or sub-job")
    .action(async (jobId: string, flags: GetFlags) => {
      context.exitCode = await runGet(jobId, flags, context);
    });

  withConnectionOptions(program.command("wait").description("wait until jobs end, showing their progress (one watcher for all)"))
    .argument("[job-id...]", "ids of jobs or sub-jobs; - reads them from stdin; none: those of --state")
    .option("--timeout <duration>", "give up after this long: 90s, 30m, 2h, 1h30m", "30m")
    .option("--max-rps <n>", "requests per second for all the waits together", "10")
    .option("--state <file>", "keep every wait's state in this file; run again with it to resume")
    .option("--redis <url>", "share --max-rps (and any 429 pause) with every run using this Redis and key (default: CLOUD_JOBS_REDIS)")
    .option("--redis-key <key>", "name of the shared cap: one per project", "cloud-jobs")
    .action(async (jobIds: string[], flags: WaitFlags) => {
      context.exitCode = await runWait(jobIds, flags, context);
    });

  withConnectionOptions(program.command("check").description("check jobs and their sub-jobs against the contract (exit 5 when one does not match)"))
    .argument("<job-id...>", "ids of jobs")
    .option("--record <dir>", "save each body there, job and project ids replaced by placeholders")
    .action(async (jobIds: string[], flags: CheckFlags) => {
      context.exitCode = await runCheck(jobIds, flags, context);
    });

  // The mock server parses its own options (and prints its own --help), so they pass through untouched.
  program
    .command("mock")
    .description("run the local mock server of the job API until Ctrl-C (--port 4010, --host 127.0.0.1, --help for more)")
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .argument("[options...]", "options of the mock server")
    .action(async (args: string[]) => {
      context.exitCode = await runMock(args, context);
    });

  return program;
}

/**
 * Runs `cloud-jobs` with `argv` (after the binary's name) and returns the exit code; errors go to stderr as
 * `cloud-jobs: <what>` with code, request id and hint, never a secret. @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context: RunContext = { io: redactingIo(io, secretsInEnv(io.env)), exitCode: ExitCode.Success, endpoint: undefined };
  try {
    await buildProgram(context).parseAsync([...argv], { from: "user" });
    return context.exitCode;
  } catch (error) {
    const report = describeError(error, context.endpoint);
    if (report.lines.length > 0) context.io.stderr.write(`cloud-jobs: ${report.lines.join("\n")}\n`);
    return report.exitCode;
  }
}
