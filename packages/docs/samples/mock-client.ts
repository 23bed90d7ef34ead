import { createJobsClient, summarizeSubJobs } from "@cloud-jobs/client";

// The mock server is running: `cloud-jobs mock --port 4010`, or `pnpm start` at the repository root.
const mockUrl = "http://127.0.0.1:4010";

// Ask it for a job that fails: two sub-jobs succeed, the third fails, over 15 seconds.
const created = await fetch(`${mockUrl}/mock/jobs`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ service: "ecs", job_type: "createServer", sub_jobs: 3, duration_ms: 15_000, outcome: "FAIL" }),
});
const { job_id: jobId } = (await created.json()) as { job_id: string };

// `endpoint` replaces region and cloud: the same client code talks to the mock.
const ecs = createJobsClient({
  service: "ecs",
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  endpoint: mockUrl,
  auth: { token: "any-token" },
});

try {
  await ecs.waitForJob(jobId, { onProgress: ({ job }) => console.log(job.status, summarizeSubJobs(job)) });
} catch (error) {
  console.log("expected:", error instanceof Error ? error.message : error); // JobFailedError with the failed sub-job
}
