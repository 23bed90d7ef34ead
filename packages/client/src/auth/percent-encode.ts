const utf8 = new TextEncoder();

/** Bytes left as they are by the signer: the RFC 3986 unreserved set `A-Z a-z 0-9 - _ . ~`. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x2e ||
    byte === 0x7e
  );
}

const UNRESERVED_ONLY = /^[\w.~-]*$/;

/**
 * Percent-encodes a path segment, query key or query value the way the
 * SDK-HMAC-SHA256 signer does (huaweicloud-sdk-go-v3 `escape`): every UTF-8
 * byte outside the unreserved set becomes `%XX` with upper-case hex.
 *
 * `encodeURIComponent` is not used because it leaves `!'()*` alone and throws
 * on lone surrogates; the encoder here never throws.
 *
 * @example percentEncode("a b/ü") === "a%20b%2F%C3%BC"
 */
export function percentEncode(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text; // ids, hosts, most names: nothing to encode
  let out = "";
  for (const byte of utf8.encode(text)) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * Decodes `%XX` escapes of a URL path segment; a malformed escape is kept as
 * it is, because a signer must not throw on a path the URL parser accepted.
 */
export function percentDecode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Orders strings by Unicode code point, which is the byte order Go's
 * `sort.Strings` uses on UTF-8; JavaScript's default sort compares UTF-16
 * code units and differs for characters above U+FFFF.
 */
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
