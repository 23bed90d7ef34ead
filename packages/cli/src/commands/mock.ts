import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { RunContext } from "../run-context.js";
import { UsageError } from "../usage-error.js";

/** Flags of `cloud-jobs mock`. */
export interface MockFlags {
  readonly port: string;
  readonly host: string;
}

/** Reads `--port`: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65_535) {
    throw new UsageError("--port", `--port "${value}" is not a port number`, "use an integer from 0 (any free port) to 65535");
  }
  return port;
}

/**
 * `cloud-jobs mock`: runs the mock server of @cloud-jobs/mock-server until
 * Ctrl-C or SIGTERM, then closes it and exits 0. The first line printed is
 * `mock server listening on <url>`, which scripts and tests wait for.
 */
export async function runMock(flags: MockFlags, context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  const port = parsePort(flags.port);
  // Listen for Ctrl-C before the server starts, so an early one is not lost to Node's default exit.
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const stopListening = io.onInterrupt(() => stop());
  try {
    // Loaded on demand: `get` and `wait` should not pay for the mock server's fixtures at startup.
    const { startMockServer } = await import("@cloud-jobs/mock-server");
    const server = await startMockServer({ port, host: flags.host });
    io.stdout.write(
      [
        `mock server listening on ${server.url}`,
        `  try: OS_AUTH_TOKEN=dummy cloud-jobs get <job-id> --service ecs --project-id <project-id> --endpoint ${server.url}`,
        "  press Ctrl-C to stop",
        "",
      ].join("\n"),
    );
    await stopped;
    await server.close();
    io.stdout.write("mock server stopped\n");
    return ExitCode.Success;
  } finally {
    stopListening();
  }
}
