// What the client loads on its first AK/SK request. A separate module, so that bundlers keep only the signing of the one
// job GET: a dynamic import of signer.js itself would keep every export of it (signRequest, the canonical parts, …).
export { jobSigner } from "./signer.js";
