// JSON helpers shared by the cloud-jobs rule functions. The rules run on the
// *unresolved* document (`resolved: false`) so that every result points at the
// place a person edits, which means local `$ref`s are followed here by hand.

/**
 * Whether a value is a plain JSON object (not null, not an array).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A JSON path: the keys and indexes from the document root to a node.
 * @typedef {Array<string | number>} JsonPath
 */

/**
 * A node of the document together with where it is defined.
 * @typedef {{ node: unknown, path: JsonPath }} Located
 */

/**
 * Reads the node at `path` below `root`, or undefined when the path is absent.
 * @param {unknown} root
 * @param {JsonPath} path
 * @returns {unknown}
 */
export function getAt(root, path) {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isObject(current) && typeof key === "string" && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * Turns a local reference (`#/components/schemas/EcsJob`) into a path, or
 * returns null for references to other files or URLs, which a bundled
 * document does not contain.
 * @param {string} ref
 * @returns {JsonPath | null}
 */
export function refToPath(ref) {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return null;
  return ref
    .slice(2)
    .split("/")
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Follows `$ref` chains from a node to the node that defines it. Returns the
 * node itself when it is not a reference, and null when a reference does not
 * resolve (external, dangling, or circular).
 * @param {unknown} root the whole document
 * @param {unknown} node
 * @param {JsonPath} path where `node` sits
 * @returns {Located | null}
 */
export function deref(root, node, path) {
  let located = { node, path };
  const seen = new Set();
  while (isObject(located.node) && typeof located.node.$ref === "string") {
    const ref = located.node.$ref;
    const target = refToPath(ref);
    if (target === null || seen.has(ref)) return null;
    seen.add(ref);
    const value = getAt(root, target);
    if (value === undefined) return null;
    located = { node: value, path: target };
  }
  return located;
}

/**
 * A stable string key for a path, used to report each definition once.
 * @param {JsonPath} path
 * @returns {string}
 */
export function pathKey(path) {
  return JSON.stringify(path);
}
