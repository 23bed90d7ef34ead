import { secretsInEnv } from "./credentials.js";
import { ExitCode } from "./exit-codes.js";
import { processIo, type CliIo } from "./io.js";
import { buildProgram } from "./program.js";
import { redactingIo } from "./redacting-io.js";
import { describeError } from "./report-error.js";
import type { RunContext } from "./run-context.js";

/**
 * Runs `cloud-jobs` with `argv` (the arguments after the binary's name) and
 * returns the exit code instead of exiting, so tests run it in-process with
 * their own `io`. Errors are printed on stderr as `cloud-jobs: <what>`,
 * followed by code, request id and a hint; secrets from the environment
 * never appear in anything printed.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
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
