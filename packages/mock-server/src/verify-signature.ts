// The server side of SDK-HMAC-SHA256, which only the mock server needs: the signature recomputed with the
// client's own canonical request and digests, compared with what the request carries.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { canonicalRequest, headerValues, hmacSha256Hex, payloadHash, sha256Hex, stringToSign, type HeaderInput } from "@cloud-jobs/client/signer";
import type { Refusal } from "./answer.js";
import type { ResolvedOptions } from "./start-mock-server.js";

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9!#$%&'*+.^`|~-]+(?:;[a-z0-9!#$%&'*+.^`|~-]+)*), Signature=([0-9a-f]{64})$/;

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>` in parts; `undefined` for another shape. */
export function parseAuthorization(header: string | undefined | null) {
  const match = AUTHORIZATION.exec(header?.trim() ?? "");
  return match ? { accessKey: match[1]!, signedHeaders: match[2]!.split(";"), signature: match[3]! } : undefined;
}

/** Why a signature was refused; `ok: true` carries the access key that signed. */
export type VerifyResult =
  | { readonly ok: true; readonly accessKey: string }
  | { readonly ok: false; readonly reason: "missing-authorization" | "unknown-access-key" | "missing-signed-header" | "expired" | "bad-signature"; readonly detail: string };

const refuse = (reason: Extract<VerifyResult, { ok: false }>["reason"], detail: string): VerifyResult => ({ ok: false, reason, detail });

/**
 * Recomputes the signature of a received request (`url` absolute, `headers` as `node:http` gives them) over the
 * headers its `Authorization` lists and compares it. `secretKeyFor` maps an access key to its secret key
 * (`undefined`: unknown); `X-Sdk-Date` must be within `maxSkewMs` of `now` (API Gateway allows 15 minutes).
 */
export async function verifySignature(
  request: { readonly method: string; readonly url: string | URL; readonly headers: HeaderInput; readonly body?: string | Uint8Array },
  secretKeyFor: (accessKey: string) => string | undefined,
  { now = () => new Date(), maxSkewMs = 15 * 60_000 }: { readonly now?: () => Date; readonly maxSkewMs?: number } = {},
): Promise<VerifyResult> {
  const headers = headerValues(request.headers);
  const parsed = parseAuthorization(headers.get("authorization")?.[0]);
  if (!parsed) return refuse("missing-authorization", "no valid SDK-HMAC-SHA256 Authorization header");
  const secretKey = secretKeyFor(parsed.accessKey);
  if (!secretKey) return refuse("unknown-access-key", `unknown access key ${parsed.accessKey}`);
  const sdkDate = headers.get("x-sdk-date")?.[0];
  if (sdkDate === undefined || !parsed.signedHeaders.includes("x-sdk-date")) return refuse("missing-signed-header", "X-Sdk-Date must be sent and signed");
  const missing = parsed.signedHeaders.find((name) => !headers.has(name));
  if (missing !== undefined) return refuse("missing-signed-header", `signed header ${missing} was not received`);
  const signedAt = /^\d{8}T\d{6}Z$/.test(sdkDate) ? Date.parse(sdkDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)/, "$1-$2-$3T$4:$5:")) : Number.NaN;
  if (!(Math.abs(now().getTime() - signedAt) <= maxSkewMs)) return refuse("expired", `X-Sdk-Date ${sdkDate} is outside the allowed clock skew`);
  const { method, url, body } = request;
  const canonical = canonicalRequest({ method, url, headers, signedHeaders: parsed.signedHeaders, payloadHash: await payloadHash(headers, body) });
  const expected = await hmacSha256Hex(secretKey, stringToSign(sdkDate, await sha256Hex(canonical)));
  // Both are 64 hex digits; compared in constant time so that the time taken does not reveal a matching prefix.
  return timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))
    ? { ok: true, accessKey: parsed.accessKey }
    : refuse("bad-signature", "signature does not match the request");
}

/**
 * Checks a request's credentials as the API gateway would: an SDK-HMAC-SHA256 signature is verified when the
 * server has a key pair (and accepted unverified when it has none); otherwise a non-empty `X-Auth-Token` is
 * needed (equal to the server's `token` when it has one). Returns the refusal, if any.
 */
export async function checkAuth(req: IncomingMessage, url: URL, { credentials, token }: ResolvedOptions): Promise<Refusal | undefined> {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith("SDK-HMAC-SHA256")) {
    if (!credentials) return undefined;
    // The signature is about wall-clock time: X-Sdk-Date is checked against the real clock, not the injected one.
    const secretKeyFor = (ak: string) => (ak === credentials.accessKey ? credentials.secretKey : undefined);
    return (await verifySignature({ method: req.method ?? "GET", url, headers: req.headers }, secretKeyFor)).ok ? undefined : "bad-signature";
  }
  if (authorization !== undefined) return "bad-signature";
  const sent = req.headers["x-auth-token"];
  if (typeof sent !== "string" || sent.trim() === "") return "no-credentials";
  return token !== undefined && sent !== token ? "bad-token" : undefined;
}
