import { describe, expect, it, vi } from "vitest";
import { InvalidArgumentError, waitForJob, WaitTimeoutError, type WaitProgress, type WaitState } from "../api.js";
import { jobId, simulatedGetJob, T0, useFakeClock } from "./client-under-test.js";
import { JobSimulator } from "./job-simulator.js";


useFakeClock();

describe("resuming a wait", () => {
  it("continues from saved state: polls, elapsed time and deadline carry on from the original start", async () => {
    const id = jobId(40);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 300_000, outcome: "SUCCESS" });
    // First process: saves its state on every progress, then dies (its signal aborts).
    let saved = "";
    const first = new AbortController();
    const wait = waitForJob(simulatedGetJob(sim), id, {
      service: "ecs",
      timeoutMs: 600_000,
      signal: first.signal,
      onProgress: (p) => (saved = JSON.stringify(p.state)),
    });
    wait.catch(() => {});
    await vi.advanceTimersByTimeAsync(60_000);
    first.abort();
    const pollsBefore = sim.calls.length;
    expect(JSON.parse(JSON.stringify(wait))).toEqual(JSON.parse(saved)); // toJSON gives the same state

    // Second process, two minutes later.
    await vi.advanceTimersByTimeAsync(120_000);
    const state = JSON.parse(saved) as WaitState;
    expect(state).toMatchObject({ version: 1, service: "ecs", jobId: id, startedAt: new Date(T0).toISOString(), timeoutMs: 600_000, polls: pollsBefore });
    const seen: WaitProgress[] = [];
    const job = waitForJob(simulatedGetJob(sim), id, { service: "ecs", resumeFrom: state, onProgress: (p) => seen.push(p) });
    await vi.advanceTimersByTimeAsync(200_000);

    await expect(job).resolves.toMatchObject({ status: "SUCCESS" });
    expect(sim.calls[pollsBefore]?.at).toBe(T0 + 180_000); // polls at once on resume
    expect(seen[0]?.polls).toBe(pollsBefore + 1);
    expect(seen[0]?.elapsedMs).toBe(180_000);
    expect(seen.at(-1)?.state.polls).toBe(sim.calls.length);
  });

  it("keeps the original deadline when resumed", async () => {
    const id = jobId(41);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: Number.POSITIVE_INFINITY, outcome: "SUCCESS" });
    const state: WaitState = { version: 1, jobId: id, startedAt: new Date(T0 - 50_000).toISOString(), timeoutMs: 80_000, polls: 7, transientErrors: 0 };
    const outcome = waitForJob(simulatedGetJob(sim), id, { resumeFrom: state }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100_000);
    const error = (await outcome) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.state.startedAt).toBe(state.startedAt);
    expect(sim.calls.at(-1)?.at).toBeLessThan(T0 + 30_000);
    expect(error.state.polls).toBe(7 + sim.calls.length);
  });

  it("times out at once, without a request, when resumed after its deadline", async () => {
    const getJob = vi.fn();
    const state: WaitState = { version: 1, jobId: jobId(42), startedAt: new Date(T0 - 3_600_000).toISOString(), timeoutMs: 60_000, polls: 3, transientErrors: 1 };
    await expect(waitForJob(getJob, jobId(42), { resumeFrom: state })).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(getJob).not.toHaveBeenCalled();
  });

  it("lets an explicit timeoutMs replace the saved one", async () => {
    const id = jobId(43);
    const getJob = vi.fn(() => new Promise<never>(() => {}));
    const state: WaitState = { version: 1, jobId: id, startedAt: new Date(T0 - 3_600_000).toISOString(), timeoutMs: 60_000, polls: 3, transientErrors: 0 };
    const wait = waitForJob(getJob, id, { resumeFrom: state, timeoutMs: 7_200_000 });
    wait.catch(() => {});
    expect(wait.getState()).toMatchObject({ timeoutMs: 7_200_000, polls: 4 });
    expect(getJob).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["another job", { jobId: jobId(99) }],
    ["another service", { service: "evs" }],
    ["a newer version", { version: 2 }],
    ["a bad start time", { startedAt: "yesterday" }],
    ["a negative poll count", { polls: -1 }],
    ["a zero timeout", { timeoutMs: 0 }],
  ])("refuses state of %s", async (_what, change) => {
    const id = jobId(44);
    const state = { version: 1, service: "ecs", jobId: id, startedAt: new Date(T0).toISOString(), timeoutMs: 60_000, polls: 1, transientErrors: 0, ...change };
    const getJob = vi.fn();
    const error = await waitForJob(getJob, id, { service: "ecs", resumeFrom: state as WaitState }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("resumeFrom");
    expect(getJob).not.toHaveBeenCalled();
  });
});
