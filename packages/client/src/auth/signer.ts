import { InvalidArgumentError } from "../errors.js";
import {
  EMPTY_BODY_SHA256,
  SIGNING_ALGORITHM,
  canonicalRequest,
  headerValues,
  signedHeaderNames,
  type GroupedHeaders,
  stringToSign,
  type HeaderInput,
} from "./canonical-request.js";
import { defaultHashes, type Hashes } from "./hashes.js";

/** Access key credentials for SDK-HMAC-SHA256 signing. */
export interface AkSkCredentials {
  /** Access key id (AK); sent in clear in `Authorization`. */
  readonly accessKey: string;
  /** Secret access key (SK); used as the HMAC key, never sent and never put in an error. */
  readonly secretKey: string;
  /** Security token of temporary credentials; sent (and signed) as `X-Security-Token`. */
  readonly securityToken?: string | undefined;
}

/** A request to sign: absolute URL, method, headers and optional body. */
export interface SignableRequest {
  readonly method: string;
  readonly url: string | URL;
  /** Headers to sign as they will be sent; add `Host` here to have it signed (fetch sends the same value). */
  readonly headers: HeaderInput;
  readonly body?: string | Uint8Array | undefined;
}

/** The outcome of signing: headers to add to the request, and the intermediate values for debugging. */
export interface SignedRequest {
  /** Headers to set on the request: `Authorization`, `X-Sdk-Date`, and `X-Security-Token` when given. */
  readonly headers: Readonly<Record<string, string>>;
  readonly authorization: string;
  readonly sdkDate: string;
  readonly signedHeaders: readonly string[];
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

const SDK_DATE = /^\d{8}T\d{6}Z$/;

// A client signs many requests a second; the date string only changes once a second.
let lastDate = { second: Number.NaN, text: "" };

/** Formats a time as `X-Sdk-Date` wants it: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastDate.second) return lastDate.text;
  const iso = date.toISOString(); // 2024-01-02T03:04:05.678Z
  const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastDate = { second, text };
  return text;
}

/** Lower-hex SHA-256 of a body, or `X-Sdk-Content-Sha256` when the caller set it (facts 6.2). */
export async function payloadHash(
  headers: HeaderInput | GroupedHeaders,
  body?: string | Uint8Array,
  hashes: Hashes = defaultHashes(),
): Promise<string> {
  const preset = headerValues(headers).get("x-sdk-content-sha256")?.[0];
  if (preset !== undefined) return preset;
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : hashes.sha256Hex(body);
}

/** Builds `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`. */
export function authorizationHeader(accessKey: string, signedHeaders: readonly string[], signature: string): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}

/**
 * Signs a request with SDK-HMAC-SHA256 exactly as huaweicloud-sdk-go-v3 does
 * (job-api-facts 6.2): `X-Sdk-Date` is taken from the headers or set to now,
 * `X-Security-Token` is added before signing so it is signed, every other
 * header is signed except `content-type*` and names with `_`.
 *
 * @example
 * const signed = await signRequest(
 *   { method: "GET", url, headers: { Host: url.host, "X-Project-Id": projectId } },
 *   { accessKey, secretKey },
 * );
 * await fetch(url, { headers: { "X-Project-Id": projectId, ...signed.headers } });
 */
export function signRequest(
  request: SignableRequest,
  credentials: AkSkCredentials,
  options: { readonly now?: () => Date } = {},
): Promise<SignedRequest> {
  return signRequestWith(defaultHashes(), request, credentials, options);
}

/** `signRequest` with the digests given: the tests run every vector through both node:crypto and Web Crypto. */
export async function signRequestWith(
  hashes: Hashes,
  request: SignableRequest,
  credentials: AkSkCredentials,
  options: { readonly now?: () => Date } = {},
): Promise<SignedRequest> {
  if (!credentials.accessKey) throw new InvalidArgumentError("accessKey", "an access key is required for AK/SK signing");
  if (!credentials.secretKey) throw new InvalidArgumentError("secretKey", "a secret key is required for AK/SK signing");
  const headers = new Map(headerValues(request.headers)); // one grouping for every step; a copy, as the signer adds to it
  const added: Record<string, string> = {};
  const sdkDate = headers.get("x-sdk-date")?.[0] ?? formatSdkDate((options.now ?? (() => new Date()))());
  if (!SDK_DATE.test(sdkDate)) throw new InvalidArgumentError("X-Sdk-Date", "X-Sdk-Date must look like 20240102T030405Z");
  if (!headers.has("x-sdk-date")) headers.set("x-sdk-date", [(added["X-Sdk-Date"] = sdkDate)]);
  if (credentials.securityToken !== undefined) headers.set("x-security-token", [(added["X-Security-Token"] = credentials.securityToken)]);
  const signedHeaders = signedHeaderNames(headers);
  const canonical = canonicalRequest({
    method: request.method,
    url: request.url,
    headers,
    signedHeaders,
    payloadHash: await payloadHash(headers, request.body, hashes),
  });
  const toSign = stringToSign(sdkDate, await hashes.sha256Hex(canonical));
  const signature = await hashes.hmacSha256Hex(credentials.secretKey, toSign);
  const authorization = authorizationHeader(credentials.accessKey, signedHeaders, signature);
  return {
    headers: { ...added, Authorization: authorization },
    authorization,
    sdkDate,
    signedHeaders,
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature,
  };
}
