import { describe, expectTypeOf, it } from "vitest";
import { createJobsClient, createJobWatcher, waitForJob, type GetJob, type JobFailedError, type JobWait, type WaitProgress, type WaitState } from "../api.js";
import type { EcsJob, EvsJob } from "../api.js";

declare const getEcsJob: GetJob<EcsJob>;
const id = "ff8080828b3e6a1f018b3f0c2d4e0001";

// Type tests: `tsc --noEmit` (the typecheck script) checks them; the bodies are never run.
describe("waiter types", () => {
  it("hands back the caller's own job type", () => {
    const check = () => {
      expectTypeOf(waitForJob(getEcsJob, id)).toEqualTypeOf<JobWait<EcsJob>>();
      expectTypeOf(waitForJob(getEcsJob, id)).resolves.toEqualTypeOf<EcsJob>();
      expectTypeOf(createJobWatcher({ getJob: getEcsJob }).wait(id)).resolves.toEqualTypeOf<EcsJob>();
      expectTypeOf<JobWait<EvsJob>["getState"]>().returns.toEqualTypeOf<WaitState>();
      const evs = createJobsClient({ service: "evs", region: "eu-de", projectId: "0605768a6f80d5762f52c0150e726aa7", auth: { token: "t" } });
      expectTypeOf(createJobWatcher({ client: evs }).wait(id)).resolves.toEqualTypeOf<EvsJob>();
    };
    expectTypeOf(check).toBeFunction();
  });

  it("types onProgress with the job type and checks option types", () => {
    const check = () => {
      void waitForJob(getEcsJob, id, {
        onProgress: (p) => {
          expectTypeOf(p).toEqualTypeOf<WaitProgress<EcsJob>>();
          expectTypeOf(p.job).toEqualTypeOf<EcsJob>();
          expectTypeOf(p.subJobs.total).toBeNumber();
        },
      });
      // @ts-expect-error a duration string is the CLI's business, the API takes milliseconds
      void waitForJob(getEcsJob, id, { timeoutMs: "30m" });
      // @ts-expect-error a watcher needs getJob or client
      createJobWatcher({ maxRequestsPerSecond: 5 });
      // @ts-expect-error …and not both
      createJobWatcher({ getJob: getEcsJob, client: { getJob: getEcsJob } });
    };
    expectTypeOf(check).toBeFunction();
  });

  it("exposes the job on JobFailedError", () => {
    expectTypeOf<JobFailedError<EcsJob>["job"]>().toEqualTypeOf<EcsJob>();
  });
});
