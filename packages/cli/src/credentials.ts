import { UsageError } from "./usage-error.js";

/** Credentials as the client takes them (`auth` of `createJobsClient`). */
export type CliAuth =
  | { readonly token: string }
  | { readonly accessKey: string; readonly secretKey: string; readonly securityToken?: string };

const CREDENTIAL_HINT =
  "set OS_AUTH_TOKEN (an IAM token), or OS_ACCESS_KEY and OS_SECRET_KEY (plus OS_SECURITY_TOKEN for temporary keys)";

function read(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Reads credentials from `OS_AUTH_TOKEN`, or `OS_ACCESS_KEY` + `OS_SECRET_KEY`
 * (+ `OS_SECURITY_TOKEN`). A token wins when both are set, as in the
 * OpenStack clients. Messages name the variables, never their values.
 *
 * @throws UsageError when no usable credentials are set.
 */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): CliAuth {
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

/**
 * The secret values set in the environment, whether or not they form usable
 * credentials: the CLI redacts all of them from everything it prints.
 */
export function secretsInEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return ["OS_AUTH_TOKEN", "OS_SECRET_KEY", "OS_SECURITY_TOKEN"]
    .map((name) => read(env, name))
    .filter((s): s is string => s !== undefined);
}
