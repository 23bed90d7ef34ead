import { deref, isObject, pathKey } from "./json.js";
import { constOf } from "./shape.js";
import { walkObjects } from "./walk.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */
/** @typedef {import("./json.js").Located} Located */

/** The discriminator property every job union switches on. */
export const JOB_TYPE = "job_type";
/** The extension that marks the member accepting job types the docs do not list. */
export const UNKNOWN_MARKER = "x-cloud-jobs-unknown-job-type";

/**
 * One `oneOf` entry: where it is written, and what it resolves to (null when
 * the reference is broken).
 * @typedef {{ entryPath: JsonPath, ref: string | null, target: Located | null }} Member
 */
/**
 * A discriminated union of documented job types (`oneOf` + `discriminator`
 * on `job_type`) or a per-service union wrapping such a union.
 * @typedef {{ node: Record<string, unknown>, path: JsonPath, members: Member[] }} Union
 */
/**
 * What the rules need to know about the jobs of a document.
 * @typedef {object} JobModel
 * @property {Union[]} knownUnions discriminated unions of documented job types
 * @property {Array<Union & { known: Union[] }>} serviceUnions unions that contain a known union
 * @property {Located[]} unknownMembers schemas marked with {@link UNKNOWN_MARKER}
 * @property {Located[]} jobSchemas members of known unions plus unknown members, each once
 */

const cache = new WeakMap();

/**
 * Finds the job schemas of a document by structure, not by name, so the
 * ruleset also works on another team's job API. Cached per document object.
 * @param {unknown} root the unresolved document
 * @returns {JobModel}
 */
export function jobModel(root) {
  if (!isObject(root)) return { knownUnions: [], serviceUnions: [], unknownMembers: [], jobSchemas: [] };
  const cached = cache.get(root);
  if (cached !== undefined) return cached;
  /** @type {Union[]} */
  const unions = [];
  /** @type {Located[]} */
  const unknownMembers = [];
  walkObjects(root, (node, path) => {
    if (Array.isArray(node.oneOf)) unions.push({ node, path, members: membersOf(root, node.oneOf, path) });
    if (node[UNKNOWN_MARKER] === true) unknownMembers.push({ node, path });
  });
  const knownUnions = unions.filter(({ node }) => isObject(node.discriminator) && node.discriminator.propertyName === JOB_TYPE);
  const knownNodes = new Set(knownUnions.map(({ node }) => node));
  const serviceUnions = unions
    .filter(({ node }) => !knownNodes.has(node))
    .map((union) => ({
      ...union,
      known: knownUnions.filter((known) => union.members.some(({ target }) => target?.node === known.node)),
    }))
    .filter(({ known }) => known.length > 0);
  /** @type {Map<string, Located>} */
  const jobSchemas = new Map();
  for (const union of knownUnions) {
    for (const { target } of union.members) if (target !== null) jobSchemas.set(pathKey(target.path), target);
  }
  for (const member of unknownMembers) jobSchemas.set(pathKey(member.path), member);
  const model = { knownUnions, serviceUnions, unknownMembers, jobSchemas: [...jobSchemas.values()] };
  cache.set(root, model);
  return model;
}

/**
 * @param {unknown} root
 * @param {unknown[]} entries
 * @param {JsonPath} unionPath
 * @returns {Member[]}
 */
function membersOf(root, entries, unionPath) {
  return entries.map((entry, index) => {
    const entryPath = [...unionPath, "oneOf", index];
    const ref = isObject(entry) && typeof entry.$ref === "string" ? entry.$ref : null;
    return { entryPath, ref, target: deref(root, entry, entryPath) };
  });
}

/**
 * The job types a known union documents: its mapping keys, or, without a
 * mapping, the `job_type` literals of its members.
 * @param {unknown} root
 * @param {Union} union
 * @returns {string[]}
 */
export function knownJobTypes(root, union) {
  const { discriminator } = union.node;
  if (isObject(discriminator) && isObject(discriminator.mapping)) return Object.keys(discriminator.mapping);
  return union.members.flatMap(({ target }) => {
    const literal = target === null ? null : constOf(root, target, JOB_TYPE);
    return literal === null ? [] : [literal];
  });
}

/**
 * A short name for a schema in messages: its component name when it is one,
 * otherwise its JSON path.
 * @param {JsonPath} path
 * @returns {string}
 */
export function schemaName(path) {
  if (path.length === 3 && path[0] === "components" && path[1] === "schemas") return String(path[2]);
  return path.join(".");
}
