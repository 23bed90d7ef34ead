import type { Cloud, JobsClientOptions, ServiceName } from "@cloud-jobs/client";
import { UsageError } from "./errors.js";

/** Credentials as the client takes them (`auth` of `createJobsClient`). */
export type CliAuth =
  | { readonly token: string }
  | { readonly accessKey: string; readonly secretKey: string; readonly securityToken?: string };

const CREDENTIAL_HINT =
  "set OS_AUTH_TOKEN (an IAM token), or OS_ACCESS_KEY and OS_SECRET_KEY (plus OS_SECURITY_TOKEN for temporary keys)";

type Env = Readonly<Record<string, string | undefined>>;

/** A variable of `env`, trimmed; `undefined` when unset or blank. */
const read = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/**
 * Credentials from `OS_AUTH_TOKEN`, or `OS_ACCESS_KEY` + `OS_SECRET_KEY` (+ `OS_SECURITY_TOKEN`); a token wins, as in the
 * OpenStack clients. @throws UsageError (naming variables, never values) when none are usable.
 */
export function credentialsFromEnv(env: Env): CliAuth {
  const token = read(env, "OS_AUTH_TOKEN");
  const accessKey = read(env, "OS_ACCESS_KEY");
  const secretKey = read(env, "OS_SECRET_KEY");
  const securityToken = read(env, "OS_SECURITY_TOKEN");
  if (token !== undefined) return { token };
  if (accessKey !== undefined && secretKey !== undefined) {
    return securityToken === undefined ? { accessKey, secretKey } : { accessKey, secretKey, securityToken };
  }
  if (accessKey !== undefined) throw new UsageError("OS_SECRET_KEY", "OS_ACCESS_KEY is set but OS_SECRET_KEY is not", CREDENTIAL_HINT);
  if (secretKey !== undefined) throw new UsageError("OS_ACCESS_KEY", "OS_SECRET_KEY is set but OS_ACCESS_KEY is not", CREDENTIAL_HINT);
  throw new UsageError("OS_AUTH_TOKEN", "no credentials in the environment", CREDENTIAL_HINT);
}

/** The secret values set in the environment, usable or not: the CLI redacts all of them from everything it prints. */
export function secretsInEnv(env: Env): string[] {
  return ["OS_AUTH_TOKEN", "OS_SECRET_KEY", "OS_SECURITY_TOKEN"].flatMap((name) => read(env, name) ?? []);
}

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

/**
 * The shared flags and the environment as `createJobsClient` options (`--project-id` else `OS_PROJECT_ID`, `--region`
 * else `OS_REGION_NAME`, credentials); the client checks formats. @throws UsageError when project, place or credentials lack.
 */
export function clientOptionsFrom(flags: ConnectionFlags, env: Env): JobsClientOptions<ServiceName> {
  const projectId = flags.projectId ?? read(env, "OS_PROJECT_ID");
  if (projectId === undefined) throw new UsageError("--project-id", "no project id", "pass --project-id or set OS_PROJECT_ID");
  const region = flags.region ?? read(env, "OS_REGION_NAME");
  if (region === undefined && flags.endpoint === undefined) {
    throw new UsageError("--region", "no region and no endpoint", "pass --region (e.g. eu-de), set OS_REGION_NAME, or pass --endpoint");
  }
  return { service: flags.service, projectId, region, cloud: flags.cloud, endpoint: flags.endpoint, auth: credentialsFromEnv(env) };
}
