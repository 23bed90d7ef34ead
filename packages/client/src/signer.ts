// `@cloud-jobs/client/signer`: SDK-HMAC-SHA256 signing and verification on their
// own subpath. The client loads the signer lazily for AK/SK auth only; exporting
// it from the main entry too would pull it into every bundle of a token-only app.

export {
  EMPTY_BODY_SHA256,
  SIGNING_ALGORITHM,
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  signedHeaderNames,
  stringToSign,
  type CanonicalRequestParts,
  type HeaderInput,
} from "./auth/canonical-request.js";
export { percentEncode } from "./auth/percent-encode.js";
export {
  authorizationHeader,
  formatSdkDate,
  payloadHash,
  signRequest,
  type AkSkCredentials,
  type SignableRequest,
  type SignedRequest,
} from "./auth/signer.js";
export {
  parseAuthorization,
  verifySignature,
  type ParsedAuthorization,
  type ReceivedRequest,
  type VerifyOptions,
  type VerifyResult,
} from "./auth/verify.js";
export { hmacSha256Hex, importHmacKey, sha256Hex } from "./auth/hashes.js";
