import { createJobsClient, isKnownJobType, JobsApiError, subJobsOf } from "@cloud-jobs/client";

// One client per service: the service picks the host and the type of the job returned.
const ecs = createJobsClient({
  service: "ecs",
  region: "eu-de", // Open Telekom Cloud by default; cloud: "huaweicloud" for myhuaweicloud.com
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  auth: { token: process.env.OS_AUTH_TOKEN ?? "" }, // sent as X-Auth-Token
});

try {
  const job = await ecs.getJob("ff80808288d41e1b018990260955686a"); // EcsJob
  console.log(job.status, job.job_type); // e.g. "RUNNING createServer"

  // job_type narrows entities; isKnownJobType separates documented types from new ones.
  if (isKnownJobType(job) && job.job_type === "createServer") {
    const servers = job.entities?.sub_jobs?.map((sub) => sub.entities?.server_id);
    console.log("servers:", servers);
  } else if (!isKnownJobType(job)) {
    console.log("a job type no document lists yet:", job.job_type);
  }
  for (const sub of subJobsOf(job)) console.log(`  ${sub.job_type} ${sub.status}`); // any service, any job type
} catch (error) {
  // Every envelope (nested, flat, API gateway) arrives as one JobsApiError.
  if (!(error instanceof JobsApiError)) throw error;
  console.error(`${error.status} ${error.code}: ${error.message} (request ${error.requestId ?? "-"})`);
}
