// Public API of @cloud-jobs/cli, for running the CLI in-process (tests, wrappers).
export { main } from "./main.js";
export { processIo, type CliIo, type OutputStream } from "./io.js";
export { ExitCode, type ExitCodeValue } from "./exit-codes.js";
export { formatDuration, parseDuration } from "./duration.js";
export { formatJob } from "./format-job.js";
export { UsageError } from "./usage-error.js";
export { InterruptedError } from "./interrupted-error.js";
