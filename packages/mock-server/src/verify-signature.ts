// The server side of SDK-HMAC-SHA256, which only the mock server needs: the signature recomputed with the
// client's own canonical request and digests, compared with what the request carries.
import {
  SIGNING_ALGORITHM,
  canonicalRequest,
  headerValues,
  hmacSha256Hex,
  payloadHash,
  sha256Hex,
  stringToSign,
  type HeaderInput,
} from "@cloud-jobs/client/signer";

/** The three parts of an SDK-HMAC-SHA256 `Authorization` header. */
export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9!#$%&'*+.^`|~-]+(?:;[a-z0-9!#$%&'*+.^`|~-]+)*), Signature=([0-9a-f]{64})$/;

/**
 * Parses `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`;
 * `undefined` when the header has another shape (wrong algorithm, missing part).
 */
export function parseAuthorization(header: string | undefined | null): ParsedAuthorization | undefined {
  const match = AUTHORIZATION.exec(header?.trim() ?? "");
  if (!match) return undefined;
  return { accessKey: match[1] ?? "", signedHeaders: (match[2] ?? "").split(";"), signature: match[3] ?? "" };
}

/** A received request, as a server sees it (e.g. `node:http` `req.method`, full URL, `req.headers`). */
export interface ReceivedRequest {
  readonly method: string;
  /** Absolute URL; with `node:http` build it as `new URL(req.url, "http://" + req.headers.host)`. */
  readonly url: string | URL;
  readonly headers: HeaderInput;
  readonly body?: string | Uint8Array | undefined;
}

/** Why a signature was refused; `ok: true` carries the access key that signed. */
export type VerifyResult =
  | { readonly ok: true; readonly accessKey: string }
  | {
      readonly ok: false;
      readonly reason: "missing-authorization" | "unknown-access-key" | "missing-signed-header" | "expired" | "bad-signature";
      readonly detail: string;
    };

/** Options of `verifySignature`. */
export interface VerifyOptions {
  /** Largest allowed distance between `X-Sdk-Date` and now; API Gateway allows 15 minutes (the default). */
  readonly maxSkewMs?: number;
  readonly now?: () => Date;
}

function sdkDateToMs(sdkDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(sdkDate);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

function sameHex(a: string, b: string): boolean {
  // Compare every character so the time taken does not reveal the matching prefix.
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Recomputes the signature over the headers the `Authorization` header lists
 * and compares it. `secretKeyFor` maps an access key to its secret key
 * (`undefined` = unknown key). The result says why a request was refused.
 *
 * @example
 * const result = await verifySignature(
 *   { method: req.method!, url: new URL(req.url!, `http://${req.headers.host}`), headers: req.headers },
 *   (ak) => (ak === "AK" ? "SK" : undefined),
 * );
 * if (!result.ok) reply(401, result.detail);
 */
export async function verifySignature(
  request: ReceivedRequest,
  secretKeyFor: (accessKey: string) => string | undefined | Promise<string | undefined>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const headers = headerValues(request.headers);
  const parsed = parseAuthorization(headers.get("authorization")?.[0]);
  if (!parsed) return { ok: false, reason: "missing-authorization", detail: `no valid ${SIGNING_ALGORITHM} Authorization header` };
  const secretKey = await secretKeyFor(parsed.accessKey);
  if (!secretKey) return { ok: false, reason: "unknown-access-key", detail: `unknown access key ${parsed.accessKey}` };
  const sdkDate = headers.get("x-sdk-date")?.[0];
  if (sdkDate === undefined || !parsed.signedHeaders.includes("x-sdk-date")) {
    return { ok: false, reason: "missing-signed-header", detail: "X-Sdk-Date must be sent and signed" };
  }
  const missing = parsed.signedHeaders.find((name) => !headers.has(name));
  if (missing !== undefined) return { ok: false, reason: "missing-signed-header", detail: `signed header ${missing} was not received` };
  const skew = Math.abs((options.now ?? (() => new Date()))().getTime() - sdkDateToMs(sdkDate));
  if (!(skew <= (options.maxSkewMs ?? 15 * 60_000))) {
    return { ok: false, reason: "expired", detail: `X-Sdk-Date ${sdkDate} is outside the allowed clock skew` };
  }
  const canonical = canonicalRequest({
    method: request.method,
    url: request.url,
    headers,
    signedHeaders: parsed.signedHeaders,
    payloadHash: await payloadHash(headers, request.body),
  });
  const expected = await hmacSha256Hex(secretKey, stringToSign(sdkDate, await sha256Hex(canonical)));
  return sameHex(expected, parsed.signature)
    ? { ok: true, accessKey: parsed.accessKey }
    : { ok: false, reason: "bad-signature", detail: "signature does not match the request" };
}
