import type { Cloud, JobsClientOptions, ServiceName } from "@cloud-jobs/client";
import { credentialsFromEnv } from "./credentials.js";
import { UsageError } from "./usage-error.js";

/** Clouds `--cloud` accepts (the client's `Cloud`). */
export const CLOUDS = ["otc", "huaweicloud"] as const satisfies readonly Cloud[];

/** The options `get` and `wait` share, as commander parsed them. */
export interface ConnectionFlags {
  readonly service: ServiceName;
  readonly projectId?: string;
  readonly region?: string;
  readonly cloud?: Cloud;
  readonly endpoint?: string;
}

function fromEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Turns the shared flags and the environment into `createJobsClient` options:
 * `--project-id` else `OS_PROJECT_ID`, `--region` else `OS_REGION_NAME`,
 * credentials from `OS_AUTH_TOKEN` or `OS_ACCESS_KEY`/`OS_SECRET_KEY`.
 * Formats (project id, region, endpoint URL) are left to the client, which
 * checks them before any request.
 *
 * @throws UsageError when the project, the place to send requests or the credentials are missing.
 */
export function clientOptionsFrom(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string | undefined>>,
): JobsClientOptions<ServiceName> {
  const projectId = flags.projectId ?? fromEnv(env, "OS_PROJECT_ID");
  if (projectId === undefined) {
    throw new UsageError("--project-id", "no project id", "pass --project-id or set OS_PROJECT_ID");
  }
  const region = flags.region ?? fromEnv(env, "OS_REGION_NAME");
  if (region === undefined && flags.endpoint === undefined) {
    throw new UsageError("--region", "no region and no endpoint", "pass --region (e.g. eu-de), set OS_REGION_NAME, or pass --endpoint");
  }
  return {
    service: flags.service,
    projectId,
    region,
    cloud: flags.cloud,
    endpoint: flags.endpoint,
    auth: credentialsFromEnv(env),
  };
}
