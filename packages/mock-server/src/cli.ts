import { parseArgs } from "node:util";
import { fixtures } from "@cloud-jobs/fixtures";
import { FAULT_SYNTAX } from "./faults.js";
import { MockListenError, MockOptionsError, startMockServer, type MockServer } from "./start-mock-server.js";

/** Command-line usage of `cloud-jobs-mock` (and `cloud-jobs mock`). */
const USAGE = `Usage: cloud-jobs-mock [options]

Serves the job API of ECS, BMS, EVS and VBS on loopback: every fixture of
@cloud-jobs/fixtures, simulated jobs (POST /mock/jobs) and faults (X-Mock-Fault).

Options:
  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --access-key <ak>   with --secret-key: verify SDK-HMAC-SHA256 signatures against this pair
  --secret-key <sk>
  --token <t>         accept only this X-Auth-Token (default: any non-empty token)
  --service <s>       service of requests whose Host names none: ecs, bms, evs or vbs
  --cors              answer CORS preflights and allow any origin (for browser pages)
  --quiet             do not log requests
  -h, --help          show this help
`;

/** The flags that are options of `startMockServer`, by option name. */
const FLAGS = { port: "port", host: "host", accessKey: "access-key", secretKey: "secret-key", token: "token", service: "service" } as const;

/** Where the CLI writes, and an optional signal that stops it (besides SIGINT and SIGTERM). */
export interface MockCliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly signal?: AbortSignal;
  /** Called once the server listens (tests and wrappers read the URL from it). */
  readonly onListening?: (server: MockServer) => void;
}

/** Resolves on the first SIGINT (Ctrl-C), SIGTERM or abort of `signal`, then lets a second Ctrl-C exit as usual. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => (process.off("SIGINT", stop).off("SIGTERM", stop), signal?.removeEventListener("abort", stop), resolve());
    process.on("SIGINT", stop).on("SIGTERM", stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Runs the mock server from command-line arguments (`parseArgs`, then `startMockServer`'s checks) until SIGINT,
 * SIGTERM or `io.signal`; resolves with the exit code: 0 after a clean stop or `--help`, 1 when it cannot listen,
 * 2 on a usage error. `cloud-jobs mock` calls this: `process.exitCode = await runMockCli(["--port", "4010"])`.
 */
export async function runMockCli(argv: readonly string[], io: MockCliIo = process): Promise<number> {
  let server: MockServer;
  let values: Partial<Record<string, string | boolean>>;
  try {
    const strings = Object.fromEntries(Object.values(FLAGS).map((flag) => [flag, { type: "string" } as const]));
    ({ values } = parseArgs({ args: [...argv], options: { ...strings, quiet: { type: "boolean" }, cors: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
    if (values.help) return (io.stdout.write(USAGE), 0);
    const options = Object.fromEntries(Object.entries(FLAGS).flatMap(([option, flag]) => (values[flag] === undefined ? [] : [[option, values[flag]]])));
    const port = String(values.port ?? 4010);
    const log = values.quiet ? undefined : (line: string) => io.stdout.write(`${line}\n`);
    server = await startMockServer({ ...options, port: /^\d+$/.test(port) ? Number(port) : Number.NaN, cors: values.cors === true, log });
  } catch (error) {
    // A value startMockServer refuses is reported under its flag; parseArgs' own errors (unknown option, missing value) as they are.
    if (error instanceof MockOptionsError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      const usage = error instanceof MockOptionsError ? `--${FLAGS[error.option as keyof typeof FLAGS] ?? error.option}: ${error.reason}` : (error as Error).message;
      return (io.stderr.write(`cloud-jobs-mock: ${usage}\n\n${USAGE}`), 2);
    }
    if (!(error instanceof MockListenError)) throw error;
    return (io.stderr.write(`cloud-jobs-mock: ${error.message}\n`), 1);
  }
  const signatures = values["access-key"] ? `SDK-HMAC-SHA256 signatures verified for access key ${values["access-key"]}` : "any SDK-HMAC-SHA256 signature (--access-key/--secret-key to verify them)";
  io.stdout.write(`cloud-jobs mock server listening on ${server.url}
  GET  /v1/{project_id}/jobs/{job_id}  ${fixtures.length} fixtures (GET /mock/fixtures lists them) and simulated jobs
  POST /mock/jobs                      e.g. {"service":"evs","job_type":"batchCreateVolume","sub_jobs":3,"duration_ms":5000}
  POST /mock/faults, X-Mock-Fault      ${FAULT_SYNTAX.replace("Faults: ", "")}
  auth: ${values.token ? "X-Auth-Token must equal --token" : "any non-empty X-Auth-Token"}; ${signatures}
Press Ctrl-C to stop.
`);
  io.onListening?.(server);
  await stopped(io.signal);
  await server.close();
  io.stdout.write("cloud-jobs mock server stopped\n");
  return 0;
}
