// The per-call contenders that live in this process's own code: raw fetch,
// openapi-fetch alone and the cloud-jobs client with either kind of auth.
// Each one does the whole job a caller needs: send, check the status, parse the body.
import { createJobsClient } from "@cloud-jobs/client";
import createClient from "openapi-fetch";
import { AK_SK, JOB_ID, JOB_PATH, PROJECT_ID, TOKEN } from "./job-body.js";

/** @typedef {import("../lib/interleave.js").Contender} Contender */

/**
 * Raw `fetch` with a token: the floor every other contender is compared with.
 * @param {string} url base URL of the loopback server
 * @returns {Contender}
 */
export function rawFetch(url) {
  const target = `${url}${JOB_PATH}`;
  const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
  return {
    name: "raw fetch (token)",
    call: async () => {
      const response = await fetch(target, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
  };
}

/**
 * openapi-fetch alone (the client's only runtime dependency), typed by the client's `paths`, with a token.
 * @param {string} url
 * @returns {Contender}
 */
export function openapiFetchAlone(url) {
  /** @type {import("openapi-fetch").Client<import("@cloud-jobs/client").paths>} */
  const api = createClient({ baseUrl: url, headers: { Accept: "application/json", "X-Auth-Token": TOKEN } });
  const params = { path: { project_id: PROJECT_ID, job_id: JOB_ID } };
  return {
    name: "openapi-fetch alone (token)",
    call: async () => {
      const { data, error, response } = await api.GET("/v1/{project_id}/jobs/{job_id}", { params });
      if (error !== undefined || data === undefined) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}

/**
 * `getJob` of a cloud-jobs client as a user creates it (default retry and timeout).
 * @param {string} url
 * @param {"token" | "aksk"} auth
 * @returns {Contender}
 */
export function cloudJobsGetJob(url, auth) {
  const client = createJobsClient({
    service: "ecs",
    projectId: PROJECT_ID,
    endpoint: url,
    auth: auth === "token" ? { token: TOKEN } : AK_SK,
  });
  return {
    name: auth === "token" ? "cloud-jobs getJob (token)" : "cloud-jobs getJob (AK/SK)",
    call: () => client.getJob(JOB_ID),
  };
}
