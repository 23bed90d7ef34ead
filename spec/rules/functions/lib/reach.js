import { deref, isObject } from "./json.js";
import { DATA_KEYS, NAME_MAPS } from "./walk.js";

/** @typedef {import("./json.js").Located} Located */

/**
 * Whether a schema is, contains, or refers (through any chain of `$ref`s) to
 * one of `targets`. Used to tell job operations from the others: an
 * operation is a job operation when a success body can be a job.
 * @param {unknown} root the whole document
 * @param {Located} start
 * @param {Set<unknown>} targets schema objects of the document
 * @returns {boolean}
 */
export function reachesAny(root, start, targets) {
  const seen = new Set();
  /** @type {Array<[unknown, boolean]>} */
  const stack = [[start.node, false]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, isNameMap] = item;
    if (targets.has(node)) return true;
    if (Array.isArray(node)) {
      for (const entry of node) stack.push([entry, false]);
      continue;
    }
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === "string") {
      const target = deref(root, { $ref: node.$ref }, []);
      if (target !== null) stack.push([target.node, false]);
    }
    for (const [key, value] of Object.entries(node)) {
      // Schema `examples` and extension values are data, never schemas to follow.
      const isData = DATA_KEYS.has(key) || key === "examples" || key.startsWith("x-");
      if (isNameMap || !isData) stack.push([value, NAME_MAPS.has(key) && !isNameMap]);
    }
  }
  return false;
}
