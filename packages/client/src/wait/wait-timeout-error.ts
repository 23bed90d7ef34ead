import { errorJson } from "../errors.js";
import type { JobLike } from "./types.js";
import type { WaitState } from "./wait-state.js";

/** What `WaitTimeoutError` is built from. */
export interface WaitTimeoutInit<J> {
  readonly jobId: string;
  readonly timeoutMs: number;
  readonly lastJob: J | undefined;
  readonly lastError: unknown;
  readonly state: WaitState;
}

/**
 * The deadline passed before the job ended. `lastJob` is the last job seen
 * (`undefined` if no poll succeeded), `lastError` the last transient error
 * when the latest polls failed, and `state` resumes the wait with a new timeout.
 */
export class WaitTimeoutError<J = JobLike> extends Error {
  override readonly name = "WaitTimeoutError";
  readonly code = "WAIT_TIMEOUT";
  declare readonly jobId: string;
  declare readonly timeoutMs: number;
  declare readonly lastJob: J | undefined;
  declare readonly lastError: unknown;
  declare readonly state: WaitState;

  constructor(init: WaitTimeoutInit<J>) {
    const status = (init.lastJob as JobLike | undefined)?.status;
    const seen = status ? `last status ${status}` : "no status seen";
    super(`Gave up waiting for job ${init.jobId} after ${init.timeoutMs} ms (${seen}, ${init.state.polls} poll(s))`);
    Object.assign(this, init);
  }

  /** Plain-data view for logs. */
  toJSON(): Record<string, unknown> {
    return errorJson(this, ["name", "code", "message", "jobId", "timeoutMs", "lastJob", "state"]);
  }
}
