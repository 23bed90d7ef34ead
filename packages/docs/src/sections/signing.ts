import { sha256Hex, signRequest } from "@cloud-jobs/client/signer";
import { code, fence, table } from "../md.js";
import { SpecShapeError, text, type SpecIndex } from "../spec-index.js";

/** The worked example of the `AkSkSignature` description, as parsed from it. */
export interface WorkedExample {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

/** The client computes a different signature than the spec documents: one of the two is wrong. */
export class WorkedExampleMismatchError extends Error {
  override readonly name = "WorkedExampleMismatchError";
  readonly code = "WORKED_EXAMPLE_MISMATCH";
  constructor(readonly documented: string, readonly computed: string) {
    super(`the spec's AK/SK worked example says ${documented}, @cloud-jobs/client computes ${computed}`);
  }
}

const POINTER = "#/components/securitySchemes/AkSkSignature";

/** The description of `AkSkSignature`, split into the recipe and the worked-example paragraph. */
export function signingDescription(spec: SpecIndex): { recipe: string; example: string } {
  const schemes = spec.doc.components as { securitySchemes?: Record<string, unknown> } | undefined;
  const scheme = spec.deref(schemes?.securitySchemes?.AkSkSignature);
  const description = text(scheme, "description") ?? "";
  const at = description.indexOf("Worked example");
  if (at < 0) throw new SpecShapeError("the AkSkSignature description has no 'Worked example' paragraph", POINTER);
  return { recipe: description.slice(0, at).trim(), example: description.slice(at).trim() };
}

/** Reads the request, keys and expected result out of the worked-example paragraph. */
export function parseWorkedExample(paragraph: string): WorkedExample {
  const request = /`(GET|POST|PUT|DELETE|PATCH) (\/[^`\s]+)`/.exec(paragraph);
  const headers = Object.fromEntries([...paragraph.matchAll(/`([A-Za-z][A-Za-z0-9-]*): ([^`]+)`/g)].map((m) => [m[1], m[2]]));
  const accessKey = /\bAK `([^`]+)`/.exec(paragraph)?.[1];
  const secretKey = /\bSK `([^`]+)`/.exec(paragraph)?.[1];
  const signedHeaders = /SignedHeaders=([^`\s]+)`/.exec(paragraph)?.[1];
  const signature = /Signature=([0-9a-f]{64})/.exec(paragraph)?.[1];
  if (!request?.[1] || !request[2] || !accessKey || !secretKey || !signedHeaders || !signature) {
    throw new SpecShapeError("cannot read method, path, AK, SK, SignedHeaders and Signature from the worked example", POINTER);
  }
  return { method: request[1], path: request[2], headers, accessKey, secretKey, signedHeaders, signature };
}

/**
 * The worked example recomputed step by step with `@cloud-jobs/client`'s
 * signer. The build fails if the result differs from the spec, so the page
 * can only show a signature that both the contract and the client agree on.
 */
export async function workedExampleSection(spec: SpecIndex): Promise<string> {
  const ex = parseWorkedExample(signingDescription(spec).example);
  const host = ex.headers.Host ?? "localhost";
  const signed = await signRequest(
    { method: ex.method, url: `https://${host}${ex.path}`, headers: ex.headers },
    { accessKey: ex.accessKey, secretKey: ex.secretKey },
  );
  const computedHeaders = signed.signedHeaders.join(";");
  if (signed.signature !== ex.signature || computedHeaders !== ex.signedHeaders) {
    throw new WorkedExampleMismatchError(`${ex.signedHeaders} ${ex.signature}`, `${computedHeaders} ${signed.signature}`);
  }
  const hash = await sha256Hex(signed.canonicalRequest);
  const block = (value: string) => fence("text", value.replace(/\n/g, "⏎\n"));
  return `${table(
    ["Input", "Value"],
    [
      ["Request", code(`${ex.method} ${ex.path}`)],
      ...Object.entries(ex.headers).map(([k, v]) => [`Header ${code(k)}`, code(v)]),
      ["Access key (AK)", code(ex.accessKey)],
      ["Secret key (SK)", code(ex.secretKey)],
    ],
  )}

### 1. Canonical request {#step-canonical-request}

Method, path, query string, one line per signed header, the signed header names, and the hash of the body; ⏎ marks each line end. Note the trailing \`/\` on the path, the empty query line, the empty line after the headers (each header line ends in a newline of its own), and the SHA-256 of the empty body.

${block(signed.canonicalRequest)}

### 2. String to sign {#step-string-to-sign}

The algorithm, \`X-Sdk-Date\`, and the hex SHA-256 of the canonical request (${code(hash)}).

${block(signed.stringToSign)}

### 3. Signature and header {#step-signature}

HMAC-SHA256 of the string to sign, keyed with the raw secret key — no key derivation:

${block(signed.signature)}

Sent as:

${block(`Authorization: ${signed.authorization}`)}

Checked at build time: \`@cloud-jobs/client\`'s \`signRequest\` reproduces the signature documented in the contract.`;
}

/** The recipe part of the description (markdown). */
export function signingRecipeSection(spec: SpecIndex): string {
  return signingDescription(spec).recipe;
}
