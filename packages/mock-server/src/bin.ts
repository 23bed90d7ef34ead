import { runMockCli } from "./cli/run-mock-cli.js";

/** Entry point of the `cloud-jobs-mock` binary: runs the CLI and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await runMockCli(argv);
}
