import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { RunContext } from "../run-context.js";

/**
 * `cloud-jobs mock [options]`: hands the arguments to `runMockCli` of
 * @cloud-jobs/mock-server, which owns the mock's options (`--port`, `--host`,
 * `--access-key`/`--secret-key`, `--token`, `--service`, `--quiet`, `--help`)
 * and runs the server until Ctrl-C or SIGTERM. Its exit codes are mapped onto
 * the CLI's: 0 stopped cleanly, 2 usage error, and 4 (not the mock's 1,
 * which means "job failed" here) when it cannot listen.
 */
export async function runMock(args: readonly string[], context: RunContext): Promise<ExitCodeValue> {
  const { io } = context;
  // Loaded on demand: `get` and `wait` should not pay for the mock server's fixtures at startup.
  const { runMockCli } = await import("@cloud-jobs/mock-server");
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  try {
    const code = await runMockCli(args, { stdout: io.stdout, stderr: io.stderr, signal: controller.signal });
    if (code === 0) return ExitCode.Success;
    return code === 2 ? ExitCode.Usage : ExitCode.ApiError;
  } finally {
    stopListening();
  }
}
