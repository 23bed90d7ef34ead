import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const dist = new URL("../../dist/", import.meta.url);

/** The bundled contract, as published. */
export const openapi = JSON.parse(readFileSync(new URL("openapi.json", dist), "utf8"));
/** The component schemas as a JSON Schema 2020-12 document (`dist/job-schemas.json`). */
export const jobSchemas = JSON.parse(readFileSync(new URL("job-schemas.json", dist), "utf8"));

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addSchema(jobSchemas);

const cache = new Map<string, ValidateFunction>();
/** A strict Ajv validator for one component schema, e.g. `validator("EvsJob")`. */
export function validator(name: string): ValidateFunction {
  let fn = cache.get(name);
  if (!fn) {
    if (!(name in jobSchemas.$defs)) throw new Error(`no schema ${name}`);
    fn = ajv.compile({ $ref: `urn:cloud-jobs:job-schemas#/$defs/${name}` });
    cache.set(name, fn);
  }
  return fn;
}

/** Names of the members of an `anyOf` or `oneOf` schema that accept `body`. */
export function matchingMembers(unionName: string, body: unknown): string[] {
  const members: { $ref: string }[] = jobSchemas.$defs[unionName].anyOf ?? jobSchemas.$defs[unionName].oneOf;
  return members.map((m) => m.$ref.split("/").pop()!).filter((name) => validator(name)(body));
}
