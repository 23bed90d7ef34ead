import { isServiceName } from "@cloud-jobs/fixtures";
import type { MockServerOptions } from "../options.js";

/** Command-line usage of `cloud-jobs-mock` (and `cloud-jobs mock`). */
export const USAGE = `Usage: cloud-jobs-mock [options]

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

/** A command line the mock cannot run with; exit code 2. */
export class MockUsageError extends Error {
  override readonly name = "MockUsageError";
  readonly code = "USAGE";
}

/** What the command line asks for. */
export type MockCommand = { readonly help: true } | { readonly help: false; readonly options: MockServerOptions; readonly quiet: boolean };

const VALUED = new Set(["--port", "--host", "--access-key", "--secret-key", "--token", "--service"]);

/** Parses `--flag value` and `--flag=value` arguments; throws `MockUsageError` with the reason. */
export function parseMockArgs(argv: readonly string[]): MockCommand {
  const values = new Map<string, string>();
  let quiet = false;
  let cors = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return { help: true };
    if (arg === "--quiet") {
      quiet = true;
      continue;
    }
    if (arg === "--cors") {
      cors = true;
      continue;
    }
    const [flag = "", inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (!VALUED.has(flag)) throw new MockUsageError(`unknown argument ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new MockUsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const port = Number(values.get("--port") ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MockUsageError(`--port must be an integer 0–65535, got ${values.get("--port")}`);
  const service = values.get("--service");
  if (service !== undefined && !isServiceName(service)) throw new MockUsageError(`--service must be ecs, bms, evs or vbs, got ${service}`);
  if (values.has("--access-key") !== values.has("--secret-key")) throw new MockUsageError("give both --access-key and --secret-key, or neither");
  const options: MockServerOptions = {
    port,
    host: values.get("--host") ?? "127.0.0.1",
    ...(service ? { service } : {}),
    ...(values.has("--access-key") ? { accessKey: values.get("--access-key")!, secretKey: values.get("--secret-key")! } : {}),
    ...(values.has("--token") ? { token: values.get("--token")! } : {}),
    ...(cors ? { cors } : {}),
  };
  return { help: false, options, quiet };
}
