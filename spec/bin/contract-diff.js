#!/usr/bin/env node
// cloud-jobs-contract-diff <base> <head> [--json]: does `head` break a consumer of `base`? Both are bundled OpenAPI
// 3.x documents (JSON or YAML). Response bodies are compared by meaning, not by text: bodies sampled from one
// version's schema (every enum value, const, anyOf/oneOf branch, optional property left out, …, at any depth) are
// validated with Ajv against the other's. Operations, parameters and security are compared by a structural walk.
// Exit 0: nothing breaks; 1: something breaks; 2: unreadable or invalid input.
import { readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { deref, isObject, mediaTypesOf, operationsOf, shapeOf } from "../catalogue/document.js";
import { jobModel } from "../catalogue/read-catalogue.js";

/** @typedef {import("../catalogue/index.js").JsonPath} JsonPath */
/** @typedef {{ pointer: string, breaks: "clients" | "servers" | "callers", change: string }} Breaking */

const addFormats = /** @type {any} */ (addFormatsModule);
/** A JSON pointer (RFC 6901) for a path. @param {JsonPath} path */
export const pointer = (path) => `/${path.map((key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

/** Reads a contract; throws on unreadable or non-OpenAPI input. @param {string} file */
export function readContract(file) {
  const doc = parse(readFileSync(file, "utf8"));
  if (!isObject(doc) || !/^3\./.test(String(doc.openapi)) || !isObject(doc.paths)) throw new Error(`${file} is not an OpenAPI 3 document`);
  return doc;
}

/** A validator factory over one document: `validate(path)` checks a value against the schema at `path`. @param {Record<string, any>} doc */
function validatorsOf(doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, inlineRefs: false, verbose: true });
  (addFormats.default ?? addFormats)(ajv, { mode: "fast" });
  ajv.addSchema(doc, "doc");
  /** @type {Map<string, import("ajv").ValidateFunction>} */
  const cache = new Map();
  return (/** @type {JsonPath} */ path) => {
    const key = pointer(path);
    if (!cache.has(key)) cache.set(key, ajv.compile({ $ref: `doc#${key.replace(/[{}]/g, encodeURIComponent)}` }));
    return /** @type {import("ajv").ValidateFunction} */ (cache.get(key));
  };
}

const SAMPLE_STRINGS = { "date-time": "2016-04-25T20:04:34.604Z", date: "2016-04-25", uuid: "0b549095-4937-4849-8e4c-52aa027d64f7", uri: "https://example.com/" };
const ANYTHING = ["x", 1, true, null, {}, []];

/**
 * Values covering what a schema admits: each enum value and const, each branch of `anyOf`/`oneOf`, each type, each
 * property varied one at a time, each optional property left out, an unlisted property; a sub-schema reached again
 * inside itself (sub-jobs) is expanded once more, then sampled as empty arrays. Values the schema itself rejects are
 * dropped at every named schema, so a verdict never rests on a sample the version does not admit.
 */
function sampler(/** @type {Record<string, any>} */ doc, /** @type {ReturnType<typeof validatorsOf>} */ validate) {
  /** @type {Map<unknown, unknown[]>} */
  const memo = new Map();
  /** @type {(node: unknown, path: JsonPath, stack: unknown[]) => unknown[]} */
  const samples = (node, path, stack) => {
    const located = deref(doc, node, path);
    if (located === null) return [];
    const { node: s } = located;
    if (s === true || (isObject(s) && Object.keys(s).every((key) => !KEYWORDS.has(key)))) return ANYTHING;
    if (!isObject(s) || stack.filter((seen) => seen === s).length >= 2) return [];
    const named = located.path !== path;
    if (named && memo.has(s) && !stack.includes(s)) return /** @type {unknown[]} */ (memo.get(s));
    const inner = [...stack, s];
    let out = valuesOf(s, located.path, inner);
    if (named) out = out.filter((value) => validate(located.path)(value));
    if (named && !stack.includes(s)) memo.set(s, out);
    return out;
  };
  /** @type {(s: Record<string, any>, path: JsonPath, stack: unknown[]) => unknown[]} */
  const valuesOf = (s, path, stack) => {
    if (s.const !== undefined) return [s.const];
    if (Array.isArray(s.enum)) return s.enum;
    const branches = ["anyOf", "oneOf"].flatMap((key) => (Array.isArray(s[key]) ? s[key] : []).map((/** @type {unknown} */ branch, /** @type {number} */ i) => samples(branch, [...path, key, i], stack)));
    if (branches.length > 0) return branches.flat();
    const types = [s.type ?? (s.properties || s.allOf || s.additionalProperties ? "object" : s.items ? "array" : ANYTHING)].flat();
    if (types === ANYTHING || types[0] === ANYTHING) return ANYTHING;
    return types.flatMap((type) => {
      if (type === "null") return [null];
      if (type === "boolean") return [true, false];
      if (type === "integer" || type === "number") return [Math.max(s.minimum ?? 1, s.exclusiveMinimum + 1 || 1), ...(type === "number" ? [1.5] : [])];
      if (type === "string") {
        const examples = (s.examples ?? []).filter((/** @type {unknown} */ e) => typeof e === "string");
        if (s.maxLength === 0) return [""];
        if (isObject(s.not) && Array.isArray(s.not.enum)) return ["unlistedValue"];
        return [...examples, /** @type {Record<string, string>} */ (SAMPLE_STRINGS)[s.format] ?? "x".repeat(Math.max(1, s.minLength ?? 1))];
      }
      // An empty array, and one holding a spread of the item samples (the items are sampled in full where they are defined).
      const items = s.items ? samples(s.items, [...path, "items"], stack) : [];
      if (type === "array") return [[], ...(items.length > 0 ? [items.filter((_, i) => i % Math.ceil(items.length / 8) === 0)] : [])];
      if (type !== "object") return [];
      const shape = shapeOf(doc, { node: s, path });
      /** @type {Array<[string, unknown[]]>} */
      const fields = [...shape.properties].map(([name, at]) => [name, samples(at.node, at.path, stack)]);
      if (isObject(s.additionalProperties)) fields.push(["anyKey", samples(s.additionalProperties, [...path, "additionalProperties"], stack)]);
      /** @type {Record<string, unknown>} */
      const base = Object.fromEntries(fields.filter(([, values]) => values.length > 0).map(([name, values]) => [name, values[0]]));
      return [
        base,
        ...fields.flatMap(([name, values]) => values.slice(1).map((value) => ({ ...base, [name]: value }))),
        ...fields.filter(([name]) => !shape.required.has(name) && name in base).map(([name]) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== name))),
        { ...base, unlistedProperty: "x" },
      ];
    });
  };
  return (/** @type {JsonPath} */ path) => samples(path.reduce((/** @type {any} */ n, key) => n?.[key], doc), path, []).filter((value) => validate(path)(value));
}
const KEYWORDS = new Set(["$ref", "type", "enum", "const", "anyOf", "oneOf", "allOf", "not", "properties", "items", "additionalProperties", "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "required"]);

/** A schema as text without what does not change what it admits (descriptions, examples, extensions, discriminators). @param {unknown} schema */
const meaning = (schema) => JSON.stringify(schema, (key, value) =>
  (["description", "title", "$comment"].includes(key) && typeof value === "string") || ["examples", "example", "discriminator"].includes(key) || key.startsWith("x-") ? undefined : value);

/**
 * The most telling Ajv error for a rejected sample: the deepest specific one (a type, enum, required, pattern, …), unless
 * the innermost union around it rejects at the same depth (then no alternative fits, and the union says so); a const or
 * not alone only says which alternative it was not.
 * @type {(errors: import("ajv").ErrorObject[]) => import("ajv").ErrorObject}
 */
function telling(errors) {
  const depth = (/** @type {import("ajv").ErrorObject | undefined} */ e) => (e === undefined ? -1 : e.instancePath.split("/").length);
  /** @type {(pool: import("ajv").ErrorObject[], outer?: boolean) => import("ajv").ErrorObject | undefined} */
  const deepest = (pool, outer = false) => pool.reduce((/** @type {import("ajv").ErrorObject | undefined} */ best, e) => (depth(e) > depth(best) || (outer && depth(e) === depth(best)) ? e : best), undefined);
  // Ajv reports a union after the unions inside it: at one depth, the last is the outermost.
  const union = deepest(errors.filter(({ keyword }) => keyword === "anyOf" || keyword === "oneOf"), true);
  const specific = deepest(errors.filter(({ keyword }) => !["anyOf", "oneOf", "not", "const", "false schema", "discriminator"].includes(keyword)));
  return /** @type {import("ajv").ErrorObject} */ (specific !== undefined && depth(specific) > depth(union) ? specific : union ?? specific ?? errors[0]);
}

/**
 * Every breaking change from `base` to `head`, each once. Verdicts are taken in context: response bodies and parameters
 * are compared whole, both ways, so a change that every use still admits (a new value of an extensible enum, a new job
 * type the unknown member already accepted) breaks nobody. Locations are taken where a change is written: each
 * component schema that changed is compared on its own too, and its findings replace the whole-body one of the same
 * audience. The rest is a structural walk: operations, parameters, security, response codes and media types.
 * @type {(base: Record<string, any>, head: Record<string, any>) => Breaking[]}
 */
export function diffContracts(base, head) {
  const sides = { base: side(base), head: side(head) };
  /** @type {Breaking[]} */
  const found = [];
  /** @type {Record<string, Breaking[]>} what the changed component schemas show, by audience */
  const located = { clients: [], servers: [] };
  /** @type {Record<string, Breaking[]>} what the whole bodies show, by audience */
  const inContext = { clients: [], servers: [] };
  /** The first sample of `from`'s schema at `fromPath` that the other side's schema at `toPath` rejects, as a finding. @type {(from: "base" | "head", fromPath: JsonPath, toPath: JsonPath, breaks: Breaking["breaks"], what: string) => Breaking[]} */
  const compare = (from, fromPath, toPath, breaks, what) => {
    const to = from === "base" ? "head" : "base";
    const check = sides[to].validate(toPath);
    /** @type {Array<{ value: unknown, error: import("ajv").ErrorObject }>} */
    const rejected = [];
    for (const value of sides[from].sample(fromPath)) {
      if (!check(value)) rejected.push({ value, error: telling(check.errors ?? []) });
      if (rejected.length === 8) break;
    }
    // The shallowest rejection says it best (a changed field rather than the same field in a sub-job).
    const first = rejected.sort((a, b) => a.error.instancePath.split("/").length - b.error.instancePath.split("/").length)[0];
    if (first === undefined) return [];
    const { value, error } = first;
    const where = sides[to].where.get(error.parentSchema);
    const part = error.instancePath.split("/").slice(1).reduce((/** @type {any} */ v, key) => v?.[key], value);
    return [{
      pointer: where ? pointer([...where, ...error.schemaPath.split("/").slice(-1)]) : pointer(toPath),
      breaks,
      change: `${what}: ${to} rejects ${JSON.stringify(part)?.slice(0, 80)}${error.instancePath ? ` at ${error.instancePath}` : ""}, which ${from} admits (${to}: ${error.message})`,
    }];
  };
  /** @type {(into: Record<string, Breaking[]>, basePath: JsonPath, headPath: JsonPath, what: string) => void} */
  const both = (into, basePath, headPath, what) => {
    into.clients?.push(...compare("head", headPath, basePath, "clients", what));
    into.servers?.push(...compare("base", basePath, headPath, "servers", what));
  };
  const schemas = { base: base.components?.schemas ?? {}, head: head.components?.schemas ?? {} };
  for (const name of Object.keys(schemas.base)) {
    const at = ["components", "schemas", name];
    if (!(name in schemas.head)) found.push({ pointer: pointer(at), breaks: "clients", change: `schema ${name} was removed (the published schemas and generated types name it)` });
    else if (meaning(schemas.base[name]) !== meaning(schemas.head[name])) both(located, at, at, `schema ${name}`);
  }
  // A job union of one service is a context of its own: the host tells the service, so its jobs are read as that union.
  for (const { path } of jobModel(base).serviceUnions) {
    if (path[0] === "components" && isObject(schemas.head[path[2] ?? ""])) both(inContext, path, path, `schema ${path[2]} (the jobs of one service)`);
  }
  for (const [key, old] of sides.base.operations) {
    const now = sides.head.operations.get(key);
    /** @type {(at: JsonPath, breaks: Breaking["breaks"], change: string) => void} */
    const report = (at, breaks, change) => void found.push({ pointer: pointer(at), breaks, change: `${key}: ${change}` });
    if (now === undefined) { report(old.path, "callers", "the operation was removed"); continue; }
    const params = { base: parametersOf(base, old), head: parametersOf(head, now) };
    for (const [name, was] of params.base) {
      const is = params.head.get(name);
      if (is === undefined) report(was.path, "callers", `parameter ${name} was removed`);
      else if (isObject(was.node.schema) && isObject(is.node.schema)) found.push(...compare("base", [...was.path, "schema"], [...is.path, "schema"], "callers", `${key}: parameter ${name}`));
    }
    for (const [name, is] of params.head) {
      if (is.node.required === true && params.base.get(name)?.node.required !== true) report(is.path, "callers", `parameter ${name} is now required`);
    }
    const security = { base: securityOf(base, old.node), head: securityOf(head, now.node) };
    for (const requirement of security.base) if (!security.head.includes(requirement)) report(now.path, "callers", `security ${requirement || "none"} is no longer accepted`);
    const responses = { base: new Map(old.responses.map((r) => [r.status, r])), head: new Map(now.responses.map((r) => [r.status, r])) };
    for (const [status, was] of responses.base) {
      const is = responses.head.get(status);
      if (is === undefined) { report(was.path, "servers", `response ${status} was removed`); continue; }
      const media = { base: mediaTypesOf(base, was, /./), head: new Map(mediaTypesOf(head, is, /./).map((m) => [m.path.at(-1), m])) };
      for (const mediaType of media.base) {
        const type = String(mediaType.path.at(-1));
        const now = media.head.get(type);
        if (now === undefined) report(mediaType.path, "servers", `${status} ${type} was removed`);
        else if (isObject(mediaType.node.schema) && isObject(now.node.schema)) both(inContext, [...mediaType.path, "schema"], [...now.path, "schema"], `${key}: ${status} ${type} body`);
      }
    }
    for (const [status, is] of responses.head) if (!responses.base.has(status) && /^2/.test(status)) report(is.path, "clients", `new success response ${status}`);
  }
  for (const audience of ["clients", "servers"]) {
    if (inContext[audience]?.length) found.push(...(located[audience]?.length ? located[audience] : inContext[audience]) ?? []);
  }
  // Each place once, told by the schema it is written in when that schema was compared itself.
  const own = (/** @type {Breaking} */ c) => c.pointer.startsWith(`/components/schemas/${/^schema (\S+):/.exec(c.change)?.[1]}/`);
  /** @type {Map<string, Breaking>} */
  const unique = new Map();
  for (const change of found) {
    const key = `${change.pointer} ${change.breaks}`, seen = unique.get(key);
    if (seen === undefined || (own(change) && !own(seen))) unique.set(key, change);
  }
  return [...unique.values()];
}

/** A contract side: its operations by `METHOD /path`, a validator and a sampler. @param {Record<string, any>} doc */
function side(doc) {
  const validate = validatorsOf(doc);
  const operations = new Map(operationsOf(doc).map((operation) => [`${String(operation.path.at(-1)).toUpperCase()} ${pathOf(doc, operation.path)}`, operation]));
  /** @type {Map<unknown, JsonPath>} where each object of the document is, to point at the keyword that rejects */
  const where = new Map();
  const index = (/** @type {unknown} */ node, /** @type {JsonPath} */ path) => {
    if (typeof node !== "object" || node === null || where.has(node)) return;
    where.set(node, path);
    for (const [key, value] of Object.entries(node)) index(value, [...path, Array.isArray(node) ? Number(key) : key]);
  };
  index(doc, []);
  return { validate, sample: sampler(doc, validate), operations, where };
}
/** The route an operation is written under (its path item may be a `$ref`). @type {(doc: Record<string, any>, path: JsonPath) => string} */
const pathOf = (doc, path) => Object.keys(doc.paths).find((route) => deref(doc, doc.paths[route], ["paths", route])?.path.join("/") === path.slice(0, -1).join("/")) ?? "";

/** The parameters of an operation (path-item ones too), resolved, by `in:name`. @type {(doc: Record<string, any>, op: { node: any, path: JsonPath }) => Map<string, { node: any, path: JsonPath }>} */
function parametersOf(doc, op) {
  const item = { node: deref(doc, { $ref: `#${pointer(op.path.slice(0, -1))}` }, [])?.node, path: op.path.slice(0, -1) };
  const all = [item, op].flatMap(({ node, path }) => (Array.isArray(node?.parameters) ? node.parameters.map((/** @type {unknown} */ p, /** @type {number} */ i) => deref(doc, p, [...path, "parameters", i])) : []));
  return new Map(all.filter((p) => p !== null && isObject(p.node)).map((p) => [`${p?.node.in}:${String(p?.node.name).toLowerCase()}`, /** @type {any} */ (p)]));
}

/** Each accepted security alternative, as the sorted scheme definitions it needs, compared as text. @type {(doc: Record<string, any>, op: any) => string[]} */
function securityOf(doc, op) {
  const requirements = op.security ?? doc.security ?? [{}];
  const schemes = doc.components?.securitySchemes ?? {};
  return requirements.map((/** @type {Record<string, string[]>} */ requirement) => Object.keys(requirement).sort().map((name) => {
    const { description, ...scheme } = deref(doc, schemes[name], ["components", "securitySchemes", name])?.node ?? {};
    return JSON.stringify({ name, scheme: Object.fromEntries(Object.entries(scheme).filter(([key]) => !key.startsWith("x-"))), scopes: requirement[name] });
  }).join(" + "));
}

/** Runs the command line; returns the exit code. @param {string[]} args */
export function main(args, out = console.log, err = console.error) {
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (args.includes("--help") || files.length !== 2) {
    (files.length === 2 || args.includes("--help") ? out : err)("Usage: cloud-jobs-contract-diff <base> <head> [--json]\nExit 0: head breaks no consumer of base; 1: it does; 2: unreadable or invalid input.");
    return args.includes("--help") ? 0 : 2;
  }
  let changes;
  try {
    changes = diffContracts(readContract(String(files[0])), readContract(String(files[1])));
  } catch (error) {
    err(`cloud-jobs-contract-diff: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (args.includes("--json")) out(JSON.stringify({ breaking: changes.length > 0, changes }, null, 2));
  else out(changes.length === 0 ? "No breaking change." : changes.map(({ pointer: at, breaks, change }) => `BREAKS ${breaks}: ${change}\n  at ${at}`).join("\n"));
  return changes.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
