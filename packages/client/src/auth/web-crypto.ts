const utf8 = new TextEncoder();

/** Lower-case hex of a byte buffer. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = "";
  for (const byte of view) out += byte.toString(16).padStart(2, "0");
  return out;
}

function asBytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  // Copy into a fresh ArrayBuffer-backed view: Web Crypto rejects SharedArrayBuffer views.
  return typeof data === "string" ? utf8.encode(data) : new Uint8Array(data);
}

/**
 * Lower-case hex SHA-256 through Web Crypto (`globalThis.crypto.subtle`), so
 * the same code runs in Node ≥ 20, browsers, Deno and Bun.
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", asBytes(data)));
}

/** Imports the raw UTF-8 bytes of a secret as a non-extractable HMAC-SHA256 key. */
export function importHmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", asBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/**
 * Lower-case hex HMAC-SHA256 of `data` keyed with the raw UTF-8 bytes of
 * `key` (SDK-HMAC-SHA256 uses the secret key itself, with no derivation),
 * or with a key from `importHmacKey`.
 */
export async function hmacSha256Hex(key: string | CryptoKey, data: string): Promise<string> {
  const cryptoKey = typeof key === "string" ? await importHmacKey(key) : key;
  return toHex(await crypto.subtle.sign("HMAC", cryptoKey, asBytes(data)));
}
