// `client.waitForJob` without the wait engine in the bundle a getJob-only app loads at start: the engine is a chunk
// loaded on the first wait. The handle is returned at once; until the engine is there, `getState()` gives the state the
// wait starts from, and the engine resumes exactly that state, so its deadline and elapsed time count from the call.
import type { JobLike } from "./jobs.js";
import { DEFAULT_WAIT_TIMEOUT_MS, type PollSource, type WaitOptions } from "./options.js";
import type { JobWait, WaitState } from "./wait.js";

let engine: Promise<typeof import("./waiting-chunk.js")> | undefined;

/** `waitForJob` of wait.ts through a client's `POLL` method, with the engine loaded on first use (exit conditions: see there). */
export function deferredWait<J extends JobLike>(poll: PollSource<J>, jobId: string, options: WaitOptions<J>): JobWait<J> {
  const { service, resumeFrom, timeoutMs } = options;
  // A fresh wait is a resumed one with nothing done yet; `timeoutMs` stays an option, so a bad one is named as such.
  const start: WaitState = resumeFrom ?? { version: 1, ...(service && { service }), jobId, startedAt: new Date().toISOString(), timeoutMs: DEFAULT_WAIT_TIMEOUT_MS, polls: 0, transientErrors: 0 };
  let wait: JobWait<J> | undefined;
  const promise = (engine ??= import("./waiting-chunk.js")).then((m) => (wait = m.waitWith(m.pollVia(poll), jobId, { ...options, resumeFrom: start })));
  const getState = (): WaitState => wait?.getState() ?? (timeoutMs === undefined ? start : { ...start, timeoutMs });
  return Object.assign(promise, { getState, toJSON: getState });
}
