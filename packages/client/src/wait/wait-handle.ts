import type { JobLike } from "./types.js";
import type { WaitState } from "./wait-state.js";

/**
 * What `waitForJob` and `watcher.wait` return: a promise of the job that
 * also hands out the wait's state at any time (`JSON.stringify(wait)` works).
 */
export type JobWait<J = JobLike> = Promise<J> & {
  /** Serialisable state, to pass as `resumeFrom` later. */
  getState(): WaitState;
  /** Same as `getState()`, so that `JSON.stringify` gives the state. */
  toJSON(): WaitState;
};

/** Adds `getState`/`toJSON` to a wait's promise. */
export function createWaitHandle<J>(promise: Promise<J>, getState: () => WaitState): JobWait<J> {
  return Object.assign(promise, { getState, toJSON: getState });
}

/**
 * The handle of a wait that could not start (bad options, closed watcher):
 * the promise rejects with the error, and `getState` throws it.
 */
export function rejectedWaitHandle<J>(error: unknown): JobWait<J> {
  const fail = (): never => {
    throw error;
  };
  return createWaitHandle(Promise.reject(error), fail);
}
