import type { ExitCodeValue } from "./exit-codes.js";
import type { CliIo } from "./io.js";

/**
 * State one run of the CLI shares between commander's actions and `main`:
 * commander ignores what an action returns, so the action records its exit
 * code here, and the endpoint it used for the hints of an error.
 */
export interface RunContext {
  readonly io: CliIo;
  exitCode: ExitCodeValue;
  endpoint: string | undefined;
}
