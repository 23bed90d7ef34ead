import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_DURATION_MS, MIN_DURATION_MS, jobPopulation } from "../src/wait.js";

describe("jobPopulation", () => {
  it("is the same population for the same seed and another for another seed", () => {
    assert.deepEqual(jobPopulation(50, 7), jobPopulation(50, 7));
    assert.notDeepEqual(jobPopulation(50, 7), jobPopulation(50, 8));
  });

  it("draws durations from 1 s to 1 h, half of the jobs with sub-jobs that end before the job", () => {
    const jobs = jobPopulation(1000, 1);
    for (const job of jobs) {
      assert.ok(job.durationMs >= MIN_DURATION_MS && job.durationMs <= MAX_DURATION_MS);
      for (const end of job.subJobEndsMs ?? []) assert.ok(end <= job.durationMs);
    }
    assert.equal(jobs.filter((j) => j.withSubJobs).length, 500);
    // Log-uniform over 1 s–1 h: about half of the jobs under a minute, a fifth over ten minutes.
    const short = jobs.filter((j) => j.durationMs < 60_000).length;
    const long = jobs.filter((j) => j.durationMs > 600_000).length;
    assert.ok(short > 400 && long > 150, `${short} short, ${long} long`);
  });
});
