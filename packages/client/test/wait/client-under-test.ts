import { afterEach, beforeEach, vi } from "vitest";
import { createJobsClient } from "../api.js";
import type { EcsJob } from "../api.js";
import type { GetJob } from "../api.js";
import { loadClientChunks } from "../helpers.js";
import type { JobSimulator } from "./job-simulator.js";

await loadClientChunks(); // before any fake timer runs (see loadClientChunks)

/** A project id of the documented shape. */
export const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";

/** A job id of the real shape, with `n` in its counter so that each test can have its own. */
export const jobId = (n: number) => `ff8080828b3e6a1f018b3f0c2d4e${n.toString(16).padStart(4, "0")}`;

/**
 * The real ECS client on the simulator's `fetch`, with retries off, as the
 * client wires `waitForJob`: the waiter does the retrying.
 */
export function simulatedGetJob(simulator: JobSimulator): GetJob<EcsJob> {
  const client = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: "http://jobs.test", auth: { token: "test-token" }, fetch: simulator.fetch });
  return (id, options) => client.getJob(id, { ...options, retry: false });
}

/** Where the fake clock of every wait test starts. */
export const T0 = Date.parse("2026-03-01T08:00:00.000Z");

/** Fake timers, starting at `T0`, around every test of the calling file. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Records when a wait settled and how. */
export function track<T>(promise: Promise<T>) {
  const outcome: { at?: number; value?: T; error?: unknown } = {};
  promise.then(
    (value) => Object.assign(outcome, { at: Date.now(), value }),
    (error: unknown) => Object.assign(outcome, { at: Date.now(), error }),
  );
  return outcome;
}
