import { fixtures } from "@cloud-jobs/fixtures";
import { FAULT_SYNTAX } from "../faults/parse-faults.js";
import { MockListenError } from "../listen.js";
import { MockOptionsError } from "../options.js";
import { startMockServer, type MockServer } from "../start-mock-server.js";
import { MockUsageError, parseMockArgs, USAGE } from "./parse-args.js";
import { waitForStop } from "./wait-for-stop.js";

/** Where the CLI writes, and an optional signal that stops it (besides SIGINT and SIGTERM). */
export interface MockCliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly signal?: AbortSignal;
  /** Called once the server listens (tests and wrappers read the URL from it). */
  readonly onListening?: (server: MockServer) => void;
}

function banner(server: MockServer, auth: string): string {
  return `cloud-jobs mock server listening on ${server.url}
  GET  /v1/{project_id}/jobs/{job_id}  ${fixtures.length} fixtures (GET /mock/fixtures lists them) and simulated jobs
  POST /mock/jobs                      e.g. {"service":"evs","job_type":"batchCreateVolume","sub_jobs":3,"duration_ms":5000}
  POST /mock/faults, X-Mock-Fault      ${FAULT_SYNTAX.replace("Faults: ", "")}
  auth: ${auth}
Press Ctrl-C to stop.
`;
}

/**
 * Runs the mock server from command-line arguments until SIGINT, SIGTERM or
 * `io.signal`; resolves with the exit code: 0 after a clean stop or `--help`,
 * 1 when it cannot listen, 2 on a usage error. `cloud-jobs mock` calls this.
 *
 * @example process.exitCode = await runMockCli(["--port", "4010"]);
 */
export async function runMockCli(argv: readonly string[], io: MockCliIo = process): Promise<number> {
  let command;
  try {
    command = parseMockArgs(argv);
  } catch (error) {
    if (!(error instanceof MockUsageError)) throw error;
    io.stderr.write(`cloud-jobs-mock: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const log = command.quiet ? undefined : (line: string) => io.stdout.write(`${line}\n`);
  let server: MockServer;
  try {
    server = await startMockServer({ ...command.options, ...(log ? { log } : {}) });
  } catch (error) {
    if (!(error instanceof MockListenError || error instanceof MockOptionsError)) throw error;
    io.stderr.write(`cloud-jobs-mock: ${error.message}\n`);
    return 1;
  }
  const { accessKey, token } = command.options;
  const tokens = token ? "X-Auth-Token must equal --token" : "any non-empty X-Auth-Token";
  const signatures = accessKey ? `SDK-HMAC-SHA256 signatures verified for access key ${accessKey}` : "any SDK-HMAC-SHA256 signature (--access-key/--secret-key to verify them)";
  io.stdout.write(banner(server, `${tokens}; ${signatures}`));
  io.onListening?.(server);
  await waitForStop(io.signal);
  await server.close();
  io.stdout.write("cloud-jobs mock server stopped\n");
  return 0;
}
