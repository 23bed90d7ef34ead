import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { POLICIES, awsStylePolicy, simulatePolicy } from "../src/wait.js";

/** @param {number} polls @param {number} random */
const input = (polls, random) => ({
  now: 0, waitStartedAt: 0, deadlineAt: 1e9, jobBeganAt: 0, subJobs: undefined,
  consecutiveErrors: 0, retryAfterMs: undefined, latencyMs: 0, polls, random,
});

describe("awsStylePolicy", () => {
  it("draws attempt n from [2 s, 2 s × 2^(n−1)]", () => {
    const policy = awsStylePolicy();
    assert.equal(policy(input(1, 0.99)), 2000);
    assert.equal(policy(input(3, 0)), 2000);
    assert.equal(policy(input(3, 0.5)), 2000 + 0.5 * (8000 - 2000));
  });

  it("waits up to 120 s once past the attempt ceiling of 6", () => {
    const policy = awsStylePolicy();
    assert.equal(policy(input(6, 1)), 64_000);
    assert.equal(policy(input(7, 1)), 120_000);
    assert.equal(policy(input(50, 0.5)), 61_000);
  });
});

describe("POLICIES", () => {
  it("puts the fixed 10 s policy's first poll at 5 s and then every 10 s", () => {
    const fixed10 = POLICIES.find((p) => p.name === "fixed 10 s after 5 s");
    assert.ok(fixed10);
    const result = simulatePolicy(fixed10.policy, 30_000, { waitStartMs: fixed10.firstPollMs });
    assert.deepEqual(result.pollTimesMs, [5000, 15_000, 25_000, 35_000]);
  });

  it("starts with ours, the policy the goals are about", () => {
    assert.equal(POLICIES[0]?.name, "cloud-jobs adaptive");
  });
});
