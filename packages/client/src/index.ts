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
export { hmacSha256Hex, sha256Hex } from "./auth/web-crypto.js";
export { InvalidArgumentError, JobsApiError, type ClientErrorCode, type JobsApiErrorInit } from "./errors.js";
export { SERVICE_NAMES, isServiceName, type ServiceName } from "./service.js";
