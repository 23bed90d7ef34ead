import type { IncomingMessage } from "node:http";
import { verifySignature } from "./verify-signature.js";
import type { Refusal } from "./error-answers.js";
import type { ResolvedOptions } from "./options.js";

/**
 * Checks a request's credentials as the API gateway would: an
 * SDK-HMAC-SHA256 `Authorization` header is verified when the server has a
 * key pair (and accepted unverified when it has none); otherwise a non-empty
 * `X-Auth-Token` is needed (equal to the server's `token` when it has one).
 * Returns the refusal, or `undefined` when the request may pass.
 */
export async function checkAuth(req: IncomingMessage, url: URL, options: ResolvedOptions): Promise<Refusal | undefined> {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith("SDK-HMAC-SHA256")) {
    const credentials = options.credentials;
    if (!credentials) return undefined;
    // The signature is about wall-clock time: X-Sdk-Date is checked against the real clock, not the injected one.
    const result = await verifySignature({ method: req.method ?? "GET", url, headers: req.headers }, (ak) =>
      ak === credentials.accessKey ? credentials.secretKey : undefined,
    );
    return result.ok ? undefined : "bad-signature";
  }
  if (authorization !== undefined) return "bad-signature";
  const token = req.headers["x-auth-token"];
  if (typeof token !== "string" || token.trim() === "") return "no-credentials";
  if (options.token !== undefined && token !== options.token) return "bad-token";
  return undefined;
}
