import { createJobsClient, summarizeSubJobs } from "@cloud-jobs/client";

// `cloud-jobs mock --port 4010` (or `pnpm start` at the repository root) is running.
const ecs = createJobsClient({
  service: "ecs",
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  endpoint: "http://127.0.0.1:4010", // instead of region: every service on one local port
  auth: { token: "any-token-works-on-the-mock" },
});

// Fixture "createServer-running" (packages/fixtures/json/ecs/createServer-running.json).
const job = await ecs.getJob("ff8080828d41e1b0019cbd03aae91a01");
console.log(job.status, summarizeSubJobs(job)); // RUNNING { total: 2, succeeded: 1, … }
