import { signRequest } from "./auth/signer.js";
import type { AkSkAuth } from "./client-options.js";

/**
 * Headers of one signed `GET` of a job: `Accept` and `X-Project-Id`, then
 * `X-Sdk-Date`, `Authorization` (and `X-Security-Token`) from SDK-HMAC-SHA256
 * over those and `Host` (fetch sends the URL's host, the value signed).
 * The client imports this module on the first AK/SK request only, so that a
 * token-only app's bundler can leave the signer in a chunk of its own.
 */
export async function signedJobHeaders(url: URL, auth: AkSkAuth, projectId: string): Promise<Record<string, string>> {
  const headers = { Accept: "application/json", "X-Project-Id": projectId };
  const signed = await signRequest({ method: "GET", url, headers: { ...headers, Host: url.host } }, auth);
  return { ...headers, ...signed.headers };
}
