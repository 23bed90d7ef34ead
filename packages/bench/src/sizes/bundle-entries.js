// What an application bundles in each case: the smallest realistic program that
// uses the feature, so tree-shaking keeps exactly what that use needs.

/**
 * @typedef {object} BundleEntry
 * @property {string} name
 * @property {string} contents module source, resolved from packages/bench/src
 * @property {"browser" | "node"} [platform] default browser
 * @property {"esm" | "cjs"} [format] default esm
 * @property {boolean} [splitting] whether lazy `import()`s become chunks of their own; default not
 * @property {string} note
 * @property {string} [smoke] expression run against the bundle `m` and the loopback server `url`
 *   that must resolve to the job: proves the bundle works, not only that it builds
 */

/** @type {readonly BundleEntry[]} */
export const BUNDLE_ENTRIES = [
  {
    name: "cloud-jobs: getJob only (token)",
    contents: `import { createJobsClient } from "@cloud-jobs/client";
export const getJob = (endpoint, projectId, token, jobId) =>
  createJobsClient({ service: "ecs", projectId, endpoint, auth: { token } }).getJob(jobId);`,
    splitting: true,
    note: "the one entry point, token auth, getJob only; the signer is a lazy chunk a token-only app need not load",
    smoke: "m.getJob(url, PROJECT_ID, TOKEN, JOB_ID)",
  },
  {
    name: "cloud-jobs: getJob + waitForJob + signer",
    contents: `import { createJobsClient } from "@cloud-jobs/client";
export async function run(options, jobId) {
  const client = createJobsClient(options); // token or AK/SK
  await client.getJob(jobId);
  return client.waitForJob(jobId);
}`,
    note: "one file, the signer inlined: the full client",
  },
  {
    name: "cloud-jobs: whole public API",
    contents: `export * from "@cloud-jobs/client";`,
    note: "every export (watcher, verifier, helpers) — an upper bound, for reference",
  },
  {
    name: "cloud-jobs: signRequest alone",
    contents: `import { signRequest } from "@cloud-jobs/client/signer";
export const sign = (url, accessKey, secretKey) => signRequest({ method: "GET", url, headers: {} }, { accessKey, secretKey });`,
    note: "the AK/SK signer on its own (`@cloud-jobs/client/signer`): what AK/SK adds to a token-only app",
  },
  {
    name: "openapi-fetch alone",
    contents: `import createClient from "openapi-fetch";
export const getJob = (baseUrl, token, project_id, job_id) =>
  createClient({ baseUrl, headers: { "X-Auth-Token": token } }).GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { project_id, job_id } } });`,
    note: "one typed GET, no auth helpers, no error handling",
  },
  {
    name: "official SDK: EcsClient.showJob",
    contents: `import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { EcsClient, ShowJobRequest } from "@huaweicloud/huaweicloud-sdk-ecs";
export const showJob = (endpoint, ak, sk, projectId, jobId) =>
  EcsClient.newBuilder().withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
    .withEndpoint(endpoint).build().showJob(new ShowJobRequest(jobId));`,
    platform: "node",
    // ESM output builds too, but fails at run time: the SDK's require() of Node built-ins becomes a shim that throws.
    format: "cjs",
    note: "platform node, CommonJS output (it requires http, fs, crypto); little is tree-shaken from CommonJS",
    smoke: "m.showJob(url, AK_SK.accessKey, AK_SK.secretKey, PROJECT_ID, JOB_ID)",
  },
];
