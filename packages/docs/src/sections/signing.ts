import { signRequest } from "@cloud-jobs/client/signer";
import { SpecShapeError } from "@cloud-jobs/spec/catalogue";
import type { OpenApiDocument } from "../generate.js";
import { code, fence, table } from "../md.js";

/** The client computes a different signature than the spec documents: one of the two is wrong. */
export class WorkedExampleMismatchError extends Error {
  override readonly name = "WorkedExampleMismatchError";
  readonly code = "WORKED_EXAMPLE_MISMATCH";
  constructor(readonly documented: string, readonly computed: string) {
    super(`the spec's AK/SK worked example says ${documented}, @cloud-jobs/client computes ${computed}`);
  }
}

const LOCATION = "components.securitySchemes.AkSkSignature.description";

/** The description of `AkSkSignature`, split into the recipe and the worked-example paragraph. */
export function signingDescription(doc: OpenApiDocument): { recipe: string; example: string } {
  const description = String(doc.components?.securitySchemes?.AkSkSignature?.description ?? "");
  const at = description.indexOf("Worked example");
  if (at < 0) throw new SpecShapeError(LOCATION, "no 'Worked example' paragraph");
  return { recipe: description.slice(0, at).trim(), example: description.slice(at).trim() };
}

/** Reads the request, its headers, the keys and the expected result out of the worked-example paragraph. */
export function parseWorkedExample(paragraph: string) {
  const request = /`(GET|POST|PUT|DELETE|PATCH) (\/[^`\s]+)`/.exec(paragraph);
  const headers: Record<string, string> = Object.fromEntries([...paragraph.matchAll(/`([A-Za-z][A-Za-z0-9-]*): ([^`]+)`/g)].map((m) => [m[1], m[2]]));
  const accessKey = /\bAK `([^`]+)`/.exec(paragraph)?.[1];
  const secretKey = /\bSK `([^`]+)`/.exec(paragraph)?.[1];
  const signedHeaders = /SignedHeaders=([^`\s]+)`/.exec(paragraph)?.[1];
  const signature = /Signature=([0-9a-f]{64})/.exec(paragraph)?.[1];
  if (!request?.[1] || !request[2] || !accessKey || !secretKey || !signedHeaders || !signature) {
    throw new SpecShapeError(LOCATION, "cannot read method, path, AK, SK, SignedHeaders and Signature from the worked example");
  }
  return { method: request[1], path: request[2], headers, accessKey, secretKey, signedHeaders, signature };
}

/**
 * The worked example recomputed step by step with `@cloud-jobs/client`'s
 * signer, as markdown blocks by name: the inputs, the canonical request, the
 * string to sign, the signature and the header sent. Throws if the signer
 * disagrees with the spec, so the page can only show a signature both agree on.
 */
export async function workedExample(doc: OpenApiDocument): Promise<Record<string, string>> {
  const ex = parseWorkedExample(signingDescription(doc).example);
  const signed = await signRequest(
    { method: ex.method, url: `https://${ex.headers.Host ?? "localhost"}${ex.path}`, headers: ex.headers },
    { accessKey: ex.accessKey, secretKey: ex.secretKey },
  );
  const computedHeaders = signed.signedHeaders.join(";");
  if (signed.signature !== ex.signature || computedHeaders !== ex.signedHeaders) {
    throw new WorkedExampleMismatchError(`${ex.signedHeaders} ${ex.signature}`, `${computedHeaders} ${signed.signature}`);
  }
  const block = (value: string) => fence("text", value.replace(/\n/g, "⏎\n"));
  const headers = Object.entries(ex.headers).map(([k, v]) => [`Header ${code(k)}`, code(v)]);
  return {
    "signing-inputs": table(["Input", "Value"], [["Request", code(`${ex.method} ${ex.path}`)], ...headers, ["Access key (AK)", code(ex.accessKey)], ["Secret key (SK)", code(ex.secretKey)]]),
    "signing-canonical-request": block(signed.canonicalRequest),
    "signing-string-to-sign": block(signed.stringToSign),
    "signing-signature": block(signed.signature),
    "signing-authorization": block(`Authorization: ${signed.authorization}`),
  };
}
