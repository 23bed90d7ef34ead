// Public API of @cloud-jobs/cli, for running the CLI in-process (tests, wrappers).
export { ExitCode, InterruptedError, UsageError, type ExitCodeValue } from "./errors.js";
export { formatDuration, formatJob, parseDuration } from "./format.js";
export { processIo, type CliIo, type OutputStream } from "./io.js";
export { main } from "./main.js";
