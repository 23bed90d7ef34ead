import {
  createJobsClient,
  isKnownJobType,
  JobFailedError,
  WaitTimeoutError,
} from "@cloud-jobs/client";

// AK/SK: each request is signed with SDK-HMAC-SHA256, no token needed.
const evs = createJobsClient({
  service: "evs",
  region: "eu-de",
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  auth: {
    accessKey: process.env.OS_ACCESS_KEY ?? "",
    secretKey: process.env.OS_SECRET_KEY ?? "",
  },
});

try {
  // Adaptive polling (1 s to 60 s apart, by the job's running time);
  // 429 and 5xx are retried within the deadline.
  const job = await evs.waitForJob("ff808081690a667101692e1854b81685", {
    timeoutMs: 10 * 60_000,
    onProgress: ({ status, subJobs }) =>
      console.log(status, `${subJobs.succeeded}/${subJobs.total}`),
  });
  if (isKnownJobType(job) && job.job_type === "batchCreateVolume") {
    // Each sub-job is an EvsJob too: narrow it the same way.
    for (const sub of job.entities?.sub_jobs ?? []) {
      if (isKnownJobType(sub) && sub.job_type === "createVolume") {
        console.log("disk", sub.entities?.volume_id);
      }
    }
  }
} catch (error) {
  if (error instanceof JobFailedError) {
    console.error("failed:", error.errorCode, error.failReason);
  } else if (error instanceof WaitTimeoutError) {
    console.error("still running:", error.lastJob?.status);
  } else {
    throw error;
  }
}
