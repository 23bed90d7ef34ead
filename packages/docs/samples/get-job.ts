import {
  createJobsClient,
  isKnownJobType,
  JobsApiError,
  subJobsOf,
} from "@cloud-jobs/client";

// One client per service: it picks the host and the job type returned.
const ecs = createJobsClient({
  service: "ecs",
  region: "eu-de", // Open Telekom Cloud; cloud: "huaweicloud" for HWC
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  auth: { token: process.env.OS_AUTH_TOKEN ?? "" }, // X-Auth-Token
});

try {
  const job = await ecs.getJob("ff80808288d41e1b018990260955686a");
  console.log(job.status, job.job_type); // "RUNNING createServer"

  // job_type narrows entities; isKnownJobType tells documented
  // job types from ones the cloud added since.
  if (isKnownJobType(job) && job.job_type === "createServer") {
    const subs = job.entities?.sub_jobs ?? [];
    console.log("servers:", subs.map((s) => s.entities?.server_id));
  } else if (!isKnownJobType(job)) {
    console.log("undocumented job type:", job.job_type);
  }
  // Any service, any job type: where the sub-jobs are is handled.
  for (const sub of subJobsOf(job)) console.log(sub.job_type, sub.status);
} catch (error) {
  // Nested, flat and gateway error bodies: one JobsApiError.
  if (!(error instanceof JobsApiError)) throw error;
  console.error(error.status, error.code, error.message, error.requestId);
}
