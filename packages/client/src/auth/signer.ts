import { InvalidArgumentError } from "../errors.js";
import {
  EMPTY_BODY_SHA256,
  SIGNING_ALGORITHM,
  canonicalRequest,
  headerValues,
  signedHeaderNames,
  stringToSign,
  type HeaderInput,
} from "./canonical-request.js";
import { hmacSha256Hex, importHmacKey, sha256Hex } from "./web-crypto.js";

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

// Importing the HMAC key is the dearest Web Crypto step; a client signs every
// request with the same credentials object, so the key is kept beside it.
const keys = new WeakMap<AkSkCredentials, { readonly secretKey: string; readonly key: Promise<CryptoKey> }>();

function hmacKeyFor(credentials: AkSkCredentials): Promise<CryptoKey> {
  const cached = keys.get(credentials);
  if (cached && cached.secretKey === credentials.secretKey) return cached.key;
  const key = importHmacKey(credentials.secretKey);
  keys.set(credentials, { secretKey: credentials.secretKey, key });
  return key;
}

/** Formats a time as `X-Sdk-Date` wants it: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Lower-hex SHA-256 of a body, or `X-Sdk-Content-Sha256` when the caller set it (facts 6.2). */
export async function payloadHash(headers: HeaderInput, body?: string | Uint8Array): Promise<string> {
  const preset = headerValues(headers).get("x-sdk-content-sha256")?.[0];
  if (preset !== undefined) return preset;
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
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
export async function signRequest(
  request: SignableRequest,
  credentials: AkSkCredentials,
  options: { readonly now?: () => Date } = {},
): Promise<SignedRequest> {
  if (!credentials.accessKey) throw new InvalidArgumentError("accessKey", "an access key is required for AK/SK signing");
  if (!credentials.secretKey) throw new InvalidArgumentError("secretKey", "a secret key is required for AK/SK signing");
  const given = headerValues(request.headers);
  const added: Record<string, string> = {};
  const sdkDate = given.get("x-sdk-date")?.[0] ?? formatSdkDate((options.now ?? (() => new Date()))());
  if (!SDK_DATE.test(sdkDate)) throw new InvalidArgumentError("X-Sdk-Date", "X-Sdk-Date must look like 20240102T030405Z");
  if (!given.has("x-sdk-date")) added["X-Sdk-Date"] = sdkDate;
  if (credentials.securityToken !== undefined) added["X-Security-Token"] = credentials.securityToken;

  const all: Record<string, string | readonly string[]> = Object.fromEntries(given);
  for (const [name, value] of Object.entries(added)) all[name.toLowerCase()] = value;
  const signedHeaders = signedHeaderNames(all);
  const canonical = canonicalRequest({
    method: request.method,
    url: request.url,
    headers: all,
    signedHeaders,
    payloadHash: await payloadHash(all, request.body),
  });
  const toSign = stringToSign(sdkDate, await sha256Hex(canonical));
  const signature = await hmacSha256Hex(await hmacKeyFor(credentials), toSign);
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
