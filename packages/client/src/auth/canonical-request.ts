import { compareCodePoints, percentDecode, percentEncode } from "./percent-encode.js";

/** Signing algorithm name, first line of the string to sign and prefix of `Authorization`. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Lower-hex SHA-256 of an empty body: the payload hash of every GET. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * Request headers as the signer accepts them: a `Headers` object, or a plain
 * record such as `node:http`'s `IncomingHttpHeaders` (names in any case).
 */
export type HeaderInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers already grouped by lower-cased name, as `headerValues` returns them. */
export type GroupedHeaders = ReadonlyMap<string, readonly string[]>;

/** Headers grouped by lower-cased name; repeated headers keep every value. A grouped map is returned as it is. */
export function headerValues(headers: HeaderInput | GroupedHeaders): GroupedHeaders {
  if (headers instanceof Map) return headers;
  const grouped = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const values = grouped.get(key);
    if (values === undefined) grouped.set(key, [value]);
    else values.push(value);
  };
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    headers.forEach((value, name) => add(name, value));
    return grouped;
  }
  for (const [name, value] of Object.entries(headers as Readonly<Record<string, string | readonly string[] | undefined>>)) {
    if (value === undefined) continue;
    if (typeof value === "string") add(name, value);
    else for (const item of value) add(name, item);
  }
  return grouped;
}

/**
 * The header names that get signed: every header, lower-cased and sorted,
 * except names starting with `content-type` and names containing `_`
 * (huaweicloud-sdk-go-v3 `SignedHeaders`; gateways drop `_` headers and
 * proxies rewrite the content type).
 */
export function signedHeaderNames(headers: HeaderInput | GroupedHeaders): string[] {
  return [...headerValues(headers).keys()]
    .filter((name) => !name.startsWith("content-type") && !name.includes("_"))
    .sort(compareCodePoints);
}

/**
 * Canonical URI: each path segment decoded, then percent-encoded, joined with
 * `/`, and always ending in `/` (`/v1/{pid}/jobs/{jid}/`).
 */
export function canonicalUri(pathname: string): string {
  const path = pathname.split("/").map((segment) => percentEncode(percentDecode(segment))).join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Canonical query string: keys sorted, values of a repeated key sorted, each
 * pair percent-encoded as `k=v`, joined with `&` (empty for this API).
 */
export function canonicalQueryString(query: URLSearchParams): string {
  const byKey = new Map<string, string[]>();
  query.forEach((value, key) => byKey.set(key, [...(byKey.get(key) ?? []), value]));
  const pairs: string[] = [];
  for (const key of [...byKey.keys()].sort(compareCodePoints)) {
    for (const value of (byKey.get(key) ?? []).sort(compareCodePoints)) {
      pairs.push(`${percentEncode(key)}=${percentEncode(value)}`);
    }
  }
  return pairs.join("&");
}

/**
 * Canonical headers block: `name:trimmed-value\n` for each signed header in
 * order (repeated values sorted), so the block ends with a newline.
 */
export function canonicalHeaders(headers: HeaderInput | GroupedHeaders, signedHeaders: readonly string[]): string {
  const values = headerValues(headers);
  let block = "";
  for (const name of signedHeaders) {
    for (const value of [...(values.get(name) ?? [])].sort(compareCodePoints)) block += `${name}:${value.trim()}\n`;
  }
  return block;
}

/** What `canonicalRequest` needs: a request reduced to the parts that are signed. */
export interface CanonicalRequestParts {
  /** HTTP method, e.g. `GET` (upper-cased when signing). */
  readonly method: string;
  /** Absolute URL of the request; only its path and query are used. */
  readonly url: string | URL;
  /** Request headers, including `X-Sdk-Date` and `Host` if they are to be signed. */
  readonly headers: HeaderInput | GroupedHeaders;
  /** Lower-case header names to sign, in order (see `signedHeaderNames`). */
  readonly signedHeaders: readonly string[];
  /** Lower-hex SHA-256 of the body, or `X-Sdk-Content-Sha256`; `EMPTY_BODY_SHA256` for GET. */
  readonly payloadHash: string;
}

/**
 * The canonical request of SDK-HMAC-SHA256 (job-api-facts 6.2 step 3):
 * `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const url = typeof parts.url === "string" ? new URL(parts.url) : parts.url;
  return [
    parts.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQueryString(url.searchParams),
    canonicalHeaders(parts.headers, parts.signedHeaders),
    parts.signedHeaders.join(";"),
    parts.payloadHash,
  ].join("\n");
}

/**
 * The string to sign: `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of canonical request>`.
 */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;
}
