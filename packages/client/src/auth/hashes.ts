const utf8 = new TextEncoder();

/** Lower-case hex of a byte buffer. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  let out = "";
  for (const byte of bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) out += byte.toString(16).padStart(2, "0");
  return out;
}

// A fresh ArrayBuffer-backed copy: Web Crypto rejects SharedArrayBuffer views.
const asBytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> => (typeof data === "string" ? utf8.encode(data) : new Uint8Array(data));

/** The two digests SDK-HMAC-SHA256 needs, as lower-case hex. */
export interface Hashes {
  readonly sha256Hex: (data: string | Uint8Array) => Promise<string>;
  /** HMAC keyed with the raw UTF-8 bytes of `key` (the secret key itself, no derivation). */
  readonly hmacSha256Hex: (key: string, data: string) => Promise<string>;
}

/** Imports the raw UTF-8 bytes of a secret as a non-extractable HMAC-SHA256 key. */
export function importHmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", asBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

// Importing the key is the dearest Web Crypto step, and a client signs with one secret.
let lastKey: { readonly secret: string; readonly key: Promise<CryptoKey> } | undefined;

/** Web Crypto (`crypto.subtle`): every browser, Node ≥ 20, Deno, Bun. Asynchronous, and slower per call. */
export const webCryptoHashes: Hashes = {
  sha256Hex: async (data) => toHex(await crypto.subtle.digest("SHA-256", asBytes(data))),
  hmacSha256Hex: async (key, data) => {
    if (lastKey?.secret !== key) lastKey = { secret: key, key: importHmacKey(key) };
    return toHex(await crypto.subtle.sign("HMAC", await lastKey.key, asBytes(data)));
  },
};

interface Digest {
  update(data: string | Uint8Array): Digest;
  digest(encoding: "hex"): string;
}
interface NodeCrypto {
  createHash(algorithm: "sha256"): Digest;
  createHmac(algorithm: "sha256", key: string): Digest;
}

/**
 * node:crypto's synchronous digests, about five times cheaper than Web Crypto
 * per signature, when the runtime hands out built-ins through
 * `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno); `undefined` elsewhere.
 * There is no `import "node:crypto"`, so browser bundles stay free of it.
 */
export function nodeCryptoHashes(): Hashes | undefined {
  let nodeCrypto: NodeCrypto | undefined;
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    nodeCrypto = host?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
  if (typeof nodeCrypto?.createHmac !== "function") return undefined;
  const node = nodeCrypto;
  return {
    sha256Hex: async (data) => node.createHash("sha256").update(data).digest("hex"),
    hmacSha256Hex: async (key, data) => node.createHmac("sha256", key).update(data).digest("hex"),
  };
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

/**
 * Lower-case hex HMAC-SHA256 of `data` keyed with the raw UTF-8 bytes of
 * `key` (SDK-HMAC-SHA256 uses the secret key itself, with no derivation),
 * or with a Web Crypto key from `importHmacKey`.
 */
export async function hmacSha256Hex(key: string | CryptoKey, data: string): Promise<string> {
  if (typeof key === "string") return defaultHashes().hmacSha256Hex(key, data);
  return toHex(await crypto.subtle.sign("HMAC", key, asBytes(data)));
}
