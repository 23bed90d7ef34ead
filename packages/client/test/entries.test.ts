import { describe, expect, it } from "vitest";

describe("package entries", () => {
  it("the main entry exports at most 20 runtime names: what a user calls or catches", async () => {
    const names = Object.keys(await import("../src/index.js")).sort();
    expect(names).toEqual([
      "ContractViolationError",
      "InvalidArgumentError",
      "JobFailedError",
      "JobNotFoundError",
      "JobsApiError",
      "SERVICE_NAMES",
      "WaitTimeoutError",
      "WatcherClosedError",
      "assertJobId",
      "createJobWatcher",
      "createJobsClient",
      "decodeErrorcodeMessage",
      "isFailed",
      "isFinished",
      "isKnownJobType",
      "isSucceeded",
      "jobTimes",
      "subJobsOf",
      "summarizeSubJobs",
      "waitForJob",
    ]);
  });

  it("the internal entry keeps the names docs and benchmarks import", async () => {
    const internal = await import("../src/internal.js");
    for (const name of ["DEFAULT_MAX_REQUESTS_PER_SECOND", "DEFAULT_POLLING_POLICY_OPTIONS", "DEFAULT_RETRY", "DEFAULT_WAIT_TIMEOUT_MS", "RETRYABLE_STATUSES", "THROTTLING_CODES", "adaptivePollingPolicy", "classifyPollError", "fixedIntervalPolicy", "nextPollDelay", "planNextPoll", "RequestRateLimiter", "simulatePolicy", "backoffDelay", "endpointFor"]) {
      expect(internal, name).toHaveProperty(name);
    }
  });

  it("the signer entry signs, and verification lives with the mock server", async () => {
    const signer = await import("../src/signer.js");
    expect(typeof signer.signRequest).toBe("function");
    expect(signer).not.toHaveProperty("verifySignature");
  });
});
