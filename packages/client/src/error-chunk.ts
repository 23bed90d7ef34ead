// What the client loads on the first error answer it reads: the normalisation of error bodies (envelopes, HTML pages,
// `Retry-After`, redaction of parsed JSON). A getJob that succeeds never needs it; a chunk that does not load ends the
// call as a network error, like the signer's.
export { errorFromResponse } from "./errors.js";
