// `@cloud-jobs/client/signer`: SDK-HMAC-SHA256 signing as huaweicloud-sdk-go-v3 does it. The client imports it on the
// first AK/SK request only, so that a token-only app's bundle leaves it out; servers verify with the same parts.
import { InvalidArgumentError } from "./errors.js";

const utf8 = new TextEncoder();

/** Text left as it is by the signer: the RFC 3986 unreserved set `A-Z a-z 0-9 - _ . ~` (`\w` is ASCII only here). */
const UNRESERVED_ONLY = /^[\w.~-]*$/;

/**
 * Percent-encodes a path segment, query key or value as the Go SDK's `escape`: every UTF-8 byte outside the unreserved
 * set becomes `%XX` (upper-case hex). Unlike `encodeURIComponent`, it encodes `!'()*` and never throws.
 *
 * @example percentEncode("a b/ü") === "a%20b%2F%C3%BC"
 */
export function percentEncode(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text; // ids, hosts, most names: nothing to encode
  let out = "";
  for (const byte of utf8.encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED_ONLY.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Decodes `%XX` escapes of a path segment; a malformed escape stays as it is (a signer must not throw on a valid URL). */
export function percentDecode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Orders strings by code point, as Go's `sort.Strings` on UTF-8 (JavaScript's default sort differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (half of a character above U+FFFF) sorts after every other UTF-16 unit by code point;
    // two surrogates at the same place compare like the code points they belong to.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    return xs === ys ? x - y : xs ? 1 : -1;
  }
  return a.length - b.length;
}

/** Signing algorithm name, first line of the string to sign and prefix of `Authorization`. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Lower-hex SHA-256 of an empty body: the payload hash of every GET. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Request headers as the signer takes them: `Headers`, or a record such as `node:http`'s `IncomingHttpHeaders`. */
export type HeaderInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers already grouped by lower-cased name, as `headerValues` returns them. */
export type GroupedHeaders = ReadonlyMap<string, readonly string[]>;

/** Headers grouped by lower-cased name; repeated headers keep every value. A grouped map is returned as it is. */
export function headerValues(headers: HeaderInput | GroupedHeaders): GroupedHeaders {
  if (headers instanceof Map) return headers;
  const grouped = new Map<string, string[]>();
  const add = (value: string, name: string): unknown => grouped.get(name.toLowerCase())?.push(value) ?? grouped.set(name.toLowerCase(), [value]);
  if (typeof Headers !== "undefined" && headers instanceof Headers) headers.forEach(add);
  else for (const [name, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) [value ?? []].flat().forEach((v) => add(v, name));
  return grouped;
}

/** The names that get signed: all, lower-cased and sorted, except `content-type*` and names with `_` (as the Go SDK). */
export function signedHeaderNames(headers: HeaderInput | GroupedHeaders): string[] {
  return [...headerValues(headers).keys()]
    .filter((name) => !name.startsWith("content-type") && !name.includes("_"))
    .sort(compareCodePoints);
}

/** Canonical URI: each path segment decoded, then percent-encoded, always ending in `/` (`/v1/{pid}/jobs/{jid}/`). */
export function canonicalUri(pathname: string): string {
  const path = pathname.split("/").map((segment) => percentEncode(percentDecode(segment))).join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

/** Canonical query string: pairs sorted by key, then value, each percent-encoded as `k=v`, joined with `&`. */
export function canonicalQueryString(query: URLSearchParams): string {
  const pairs = [...query].sort(([k1, v1], [k2, v2]) => compareCodePoints(k1, k2) || compareCodePoints(v1, v2));
  return pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join("&");
}

/** Canonical headers block: `name:trimmed-value\n` per signed header in order (repeated values sorted). */
export function canonicalHeaders(headers: HeaderInput | GroupedHeaders, signedHeaders: readonly string[]): string {
  const values = headerValues(headers);
  return signedHeaders.flatMap((name) => [...(values.get(name) ?? [])].sort(compareCodePoints).map((v) => `${name}:${v.trim()}\n`)).join("");
}

/** What `canonicalRequest` needs: a request reduced to the parts that are signed. */
export interface CanonicalRequestParts {
  /** HTTP method, e.g. `GET` (upper-cased when signing). */ readonly method: string;
  /** Absolute URL of the request; only its path and query are used. */ readonly url: string | URL;
  /** Request headers, including `X-Sdk-Date` and `Host` if they are to be signed. */ readonly headers: HeaderInput | GroupedHeaders;
  /** Lower-case header names to sign, in order (see `signedHeaderNames`). */ readonly signedHeaders: readonly string[];
  /** Lower-hex SHA-256 of the body, or `X-Sdk-Content-Sha256`; `EMPTY_BODY_SHA256` for GET. */ readonly payloadHash: string;
}

/** The canonical request of SDK-HMAC-SHA256: `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`. */
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

/** The string to sign: `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of canonical request>`. */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;
}

const toHex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");

// A fresh ArrayBuffer-backed copy: Web Crypto rejects SharedArrayBuffer views.
const asBytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> => (typeof data === "string" ? utf8.encode(data) : new Uint8Array(data));

/** The two digests SDK-HMAC-SHA256 needs, as lower-case hex; the HMAC key is the secret key's own UTF-8 bytes. */
export type Hashes = { readonly sha256Hex: (data: string | Uint8Array) => Promise<string>; readonly hmacSha256Hex: (key: string, data: string) => Promise<string> };

// Importing the key is the dearest Web Crypto step, and a client signs with one secret.
let lastKey: { readonly secret: string; readonly key: Promise<CryptoKey> } | undefined;

/** Web Crypto (`crypto.subtle`): every browser, Node ≥ 20, Deno, Bun. Asynchronous, and slower per call. */
export const webCryptoHashes: Hashes = {
  sha256Hex: async (data) => toHex(await crypto.subtle.digest("SHA-256", asBytes(data))),
  hmacSha256Hex: async (key, data) => {
    if (lastKey?.secret !== key) {
      lastKey = { secret: key, key: crypto.subtle.importKey("raw", asBytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]) };
    }
    return toHex(await crypto.subtle.sign("HMAC", await lastKey.key, asBytes(data)));
  },
};

/** node:crypto's one-shot digest (Node ≥ 20.12, Bun, Deno): synchronous, and no Hash object to set up per call. */
type OneShotHash = {
  (algorithm: "sha256", data: string | Uint8Array, encoding: "hex"): string;
  (algorithm: "sha256", data: string | Uint8Array, encoding: "buffer"): Uint8Array;
};

/**
 * HMAC-SHA256 (RFC 2104) keyed once with the secret's UTF-8 bytes, as two one-shot hashes: between requests, setting up a
 * node:crypto Hmac per call cost more than this whole function.
 */
function oneShotHmac(hash: OneShotHash, secret: string): (data: string) => string {
  const key = utf8.encode(secret);
  const block = key.length > 64 ? hash("sha256", key, "buffer") : key;
  const [ipad, outer] = [new Uint8Array(64), new Uint8Array(64 + 32)];
  for (let i = 0; i < 64; i++) [ipad[i], outer[i]] = [(block[i] ?? 0) ^ 0x36, (block[i] ?? 0) ^ 0x5c];
  return (data) => {
    const message = utf8.encode(data);
    const inner = new Uint8Array(64 + message.length);
    inner.set(ipad);
    inner.set(message, 64);
    outer.set(hash("sha256", inner, "buffer"), 64);
    return hash("sha256", outer, "hex");
  };
}

/**
 * node:crypto's digests (five times cheaper than Web Crypto per signature) where `process.getBuiltinModule` hands them
 * out (Node ≥ 20.16, Bun, Deno), else `undefined`; no `import "node:crypto"`, so browser bundles stay free of it.
 */
export function nodeCryptoHashes(): Hashes | undefined {
  const hash = nodeHash();
  let last: { readonly key: string; readonly hmac: (data: string) => string } | undefined; // the key padded once, as Web Crypto's path keeps it
  return hash && {
    sha256Hex: async (data) => hash("sha256", data, "hex"),
    hmacSha256Hex: async (key, data) => (last?.key === key ? last : (last = { key, hmac: oneShotHmac(hash, key) })).hmac(data),
  };
}

/** node:crypto's one-shot `hash`, where `process.getBuiltinModule` hands it out; else `undefined`. */
function nodeHash(): OneShotHash | undefined {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const hash = (host?.getBuiltinModule?.("node:crypto") as { hash?: unknown } | undefined)?.hash;
    return typeof hash === "function" ? (hash as OneShotHash) : undefined;
  } catch {
    return undefined;
  }
}

let chosen: Hashes | undefined;

/** node:crypto where the runtime offers it, else Web Crypto; both give the same hex. */
export function defaultHashes(): Hashes {
  return (chosen ??= nodeCryptoHashes() ?? webCryptoHashes);
}

/** Lower-case hex SHA-256 (node:crypto where available, else Web Crypto). */
export function sha256Hex(data: string | Uint8Array): Promise<string> {
  return defaultHashes().sha256Hex(data);
}

/** Lower-case hex HMAC-SHA256 of `data` keyed with the raw UTF-8 bytes of `key` (the secret key itself, no derivation). */
export function hmacSha256Hex(key: string, data: string): Promise<string> {
  return defaultHashes().hmacSha256Hex(key, data);
}

/** Access key credentials for SDK-HMAC-SHA256 signing. */
export interface AkSkCredentials {
  /** Access key id (AK); sent in clear in `Authorization`. */ readonly accessKey: string;
  /** Secret access key (SK); used as the HMAC key, never sent and never put in an error. */ readonly secretKey: string;
  /** Security token of temporary credentials; sent (and signed) as `X-Security-Token`. */ readonly securityToken?: string | undefined;
}

/** A request to sign: absolute URL, method, headers and optional body. */
export interface SignableRequest {
  readonly method: string;
  readonly url: string | URL;
  /** Headers to sign as they will be sent; add `Host` to have it signed (fetch sends that value). */ readonly headers: HeaderInput;
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

/** Options of `signRequest`: the clock that dates a request without `X-Sdk-Date`. */
export type SignOptions = { readonly now?: () => Date };

const SDK_DATE = /^\d{8}T\d{6}Z$/;

// A client signs many requests a second; the date string only changes once a second.
let lastDate = { second: Number.NaN, text: "" };

/** Formats a time as `X-Sdk-Date` wants it: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastDate.second) return lastDate.text;
  const text = date.toISOString().replace(/[-:]|\.\d+/g, ""); // 2024-01-02T03:04:05.678Z
  lastDate = { second, text };
  return text;
}

/** Lower-hex SHA-256 of a body, or `X-Sdk-Content-Sha256` when the caller set it. */
export async function payloadHash(headers: HeaderInput | GroupedHeaders, body?: string | Uint8Array, hashes = defaultHashes()): Promise<string> {
  const preset = headerValues(headers).get("x-sdk-content-sha256")?.[0];
  if (preset !== undefined) return preset;
  return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : hashes.sha256Hex(body);
}

/** Builds `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`. */
export function authorizationHeader(accessKey: string, signedHeaders: readonly string[], signature: string): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}

/**
 * Signs a request with SDK-HMAC-SHA256 exactly as huaweicloud-sdk-go-v3 does : `X-Sdk-Date` is taken from the headers
 * or set to now, `X-Security-Token` is added before signing so it is signed, every other header is signed except
 * `content-type*` and names with `_`.
 *
 * @example
 * const signed = await signRequest(
 *   { method: "GET", url, headers: { Host: url.host, "X-Project-Id": projectId } },
 *   { accessKey, secretKey },
 * );
 * await fetch(url, { headers: { "X-Project-Id": projectId, ...signed.headers } });
 */
export function signRequest(request: SignableRequest, credentials: AkSkCredentials, options: SignOptions = {}): Promise<SignedRequest> {
  return signRequestWith(defaultHashes(), request, credentials, options);
}

/** `signRequest` with the digests given: the tests run every vector through both node:crypto and Web Crypto. */
export async function signRequestWith(hashes: Hashes, request: SignableRequest, credentials: AkSkCredentials, options: SignOptions = {}): Promise<SignedRequest> {
  checkCredentials(credentials);
  const headers = new Map(headerValues(request.headers)); // one grouping for every step; a copy, as the signer adds to it
  const added: Record<string, string> = {};
  const sdkDate = headers.get("x-sdk-date")?.[0] ?? formatSdkDate((options.now ?? (() => new Date()))());
  if (!SDK_DATE.test(sdkDate)) throw new InvalidArgumentError("X-Sdk-Date", "must look like 20240102T030405Z");
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

function checkCredentials({ accessKey, secretKey }: AkSkCredentials): void {
  if (!accessKey) throw new InvalidArgumentError("accessKey", "must be given for AK/SK signing");
  if (!secretKey) throw new InvalidArgumentError("secretKey", "must be given for AK/SK signing");
}

/** Headers of one signed job `GET`, as `jobSigner` gives them. */
export type JobHeaders = Record<string, string>;

/**
 * Signs the job `GET`s of one client: `Accept`, `X-Project-Id` and the signature's headers over those and `Host` — the
 * headers `signRequest` gives, at a fraction of its cost. What no call changes (host, canonical path, the HMAC key) is
 * worked out once; the canonical request of this one shape is written out directly (ids are checked, so a job id needs no
 * encoding), and node:crypto, where present, signs synchronously (no promise). `hashes` forces a digest (tests).
 *
 * @example
 * const sign = jobSigner("https://ecs.eu-de.otc.t-systems.com", { accessKey, secretKey }, projectId);
 * const headers = await sign(jobId); // { Accept, "X-Project-Id", "X-Sdk-Date", Authorization }
 */
export function jobSigner(endpoint: string, credentials: AkSkCredentials, projectId: string, hashes?: Hashes): (jobId: string) => JobHeaders | Promise<JobHeaders> {
  checkCredentials(credentials);
  const { host, pathname } = new URL(`${endpoint}/v1/${projectId}/jobs/`);
  const token = credentials.securityToken;
  const names = `accept;host;x-project-id;x-sdk-date${token === undefined ? "" : ";x-security-token"}`;
  const [head, tail] = [`GET\n${canonicalUri(pathname)}`, `/\n\naccept:application/json\nhost:${host}\nx-project-id:${projectId}\nx-sdk-date:`];
  const end = `\n${token === undefined ? "" : `x-security-token:${token.trim()}\n`}\n${names}\n${EMPTY_BODY_SHA256}`;
  const canonical = (jobId: string, sdkDate: string): string => head + jobId + tail + sdkDate + end;
  const prefix = authorizationHeader(credentials.accessKey, names.split(";"), "");
  const sent = { Accept: "application/json", "X-Project-Id": projectId, ...(token === undefined ? {} : { "X-Security-Token": token }) };
  const headers = (sdkDate: string, signature: string): JobHeaders => ({ ...sent, "X-Sdk-Date": sdkDate, Authorization: prefix + signature });
  const hash = hashes === undefined ? nodeHash() : undefined;
  if (hash === undefined) {
    const { sha256Hex: sha, hmacSha256Hex: hmac } = hashes ?? webCryptoHashes;
    return async (jobId) => {
      const sdkDate = formatSdkDate(new Date());
      return headers(sdkDate, await hmac(credentials.secretKey, stringToSign(sdkDate, await sha(canonical(jobId, sdkDate)))));
    };
  }
  const hmac = oneShotHmac(hash, credentials.secretKey);
  return (jobId) => {
    const sdkDate = formatSdkDate(new Date());
    return headers(sdkDate, hmac(stringToSign(sdkDate, hash("sha256", canonical(jobId, sdkDate), "hex"))));
  };
}
