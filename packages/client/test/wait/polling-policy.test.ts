import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLLING_POLICY_OPTIONS as DEFAULTS,
  nextPollDelay,
  planNextPoll,
  type PollingPolicyInput,
} from "../api.js";

const begin = Date.parse("2026-03-01T08:00:00.000Z");
const input = (over: Partial<PollingPolicyInput> = {}): PollingPolicyInput => ({
  now: begin,
  waitStartedAt: begin,
  deadlineAt: begin + 86_400_000,
  jobBeganAt: begin,
  subJobs: undefined,
  consecutiveErrors: 0,
  retryAfterMs: undefined,
  latencyMs: 0,
  polls: 1,
  random: 0.5,
  ...over,
});

describe("nextPollDelay", () => {
  it("waits a fixed fraction of the job's running time", () => {
    expect(nextPollDelay(input({ now: begin + 600_000 }), DEFAULTS)).toBe(45_000);
    expect(nextPollDelay(input({ now: begin + 100_000 }), DEFAULTS)).toBe(7_500);
  });

  it("never goes below minDelayMs nor above maxDelayMs", () => {
    expect(nextPollDelay(input({ now: begin + 2_000 }), DEFAULTS)).toBe(1_000);
    expect(nextPollDelay(input({ now: begin + 86_400_000 }), DEFAULTS)).toBe(60_000);
  });

  it("counts from begin_time, so a wait that starts late on an old job polls rarely at once", () => {
    expect(nextPollDelay(input({ now: begin + 400_000, waitStartedAt: begin + 399_000 }), DEFAULTS)).toBe(30_000);
  });

  it("counts from the wait's start when begin_time is unknown or in the future (clock skew, UTC+8 written as Z)", () => {
    const now = begin + 200_000;
    expect(nextPollDelay(input({ now, jobBeganAt: undefined, waitStartedAt: begin + 100_000 }), DEFAULTS)).toBe(7_500);
    expect(nextPollDelay(input({ now, jobBeganAt: now + 8 * 3_600_000, waitStartedAt: begin + 100_000 }), DEFAULTS)).toBe(7_500);
  });

  it("polls sooner when sub-jobs say the end is near, but at most four times sooner", () => {
    const now = begin + 400_000; // elapsed rule: 30 s
    const subJobs = (succeeded: number, failed = 0) => ({ total: 10, succeeded, failed, running: 10 - succeeded - failed });
    expect(nextPollDelay(input({ now, subJobs: subJobs(0) }), DEFAULTS)).toBe(30_000); // nothing known
    expect(nextPollDelay(input({ now, subJobs: subJobs(5) }), DEFAULTS)).toBe(30_000); // 400 s left: no change
    expect(nextPollDelay(input({ now, subJobs: subJobs(9, 0) }), DEFAULTS)).toBe(30_000); // 44 s left
    expect(nextPollDelay(input({ now: begin + 1_000_000, subJobs: { total: 20, succeeded: 19, failed: 0, running: 1 } }), DEFAULTS)).toBeCloseTo(52_632, 0); // 1000 s / 19
    expect(nextPollDelay(input({ now, subJobs: subJobs(8, 2) }), DEFAULTS)).toBe(7_500); // all done, parent not yet
  });

  it("backs off exponentially with equal jitter after transient errors", () => {
    const now = begin + 5_000;
    const at = (consecutiveErrors: number, random: number) => nextPollDelay(input({ now, consecutiveErrors, random }), DEFAULTS);
    expect(at(2, 0)).toBe(1_000);
    expect(at(2, 0.999_999)).toBeCloseTo(2_000, 0);
    expect(at(4, 0)).toBe(4_000);
    expect(at(40, 0.999_999)).toBeCloseTo(60_000, -1); // capped by maxDelayMs
  });
});

describe("planNextPoll", () => {
  it("schedules at now + delay, raised to minDelayMs and to Retry-After", () => {
    expect(planNextPoll(5_000, input(), 1_000)).toBe(begin + 5_000);
    expect(planNextPoll(10, input(), 1_000)).toBe(begin + 1_000);
    expect(planNextPoll(5_000, input({ retryAfterMs: 30_000 }), 1_000)).toBe(begin + 30_000);
    expect(planNextPoll(Number.NaN, input(), 1_000)).toBe(begin + 1_000);
  });

  it("trims the last poll to one round trip before the deadline", () => {
    const deadlineAt = begin + 20_000;
    expect(planNextPoll(30_000, input({ deadlineAt, latencyMs: 0 }), 1_000)).toBe(deadlineAt - 1);
    expect(planNextPoll(30_000, input({ deadlineAt, latencyMs: 250.4 }), 1_000)).toBe(deadlineAt - 251);
    expect(planNextPoll(30_000, input({ deadlineAt, latencyMs: 60_000 }), 1_000)).toBe(deadlineAt - 10_000);
  });

  it("gives up on another poll when none fits after minDelayMs, or Retry-After passes the deadline", () => {
    const deadlineAt = begin + 1_500;
    expect(planNextPoll(30_000, input({ deadlineAt }), 2_000)).toBeUndefined();
    expect(planNextPoll(1_000, input({ deadlineAt: begin + 60_000, retryAfterMs: 120_000 }), 1_000)).toBeUndefined();
  });
});
