// Walking an OpenAPI document by hand. The rule functions run on the
// *unresolved* document (`resolved: false`) so that every result points at the
// place a person edits; the catalogue reads the bundled one. Both follow local
// `$ref`s here, and neither depends on any package.

/**
 * A JSON path: the keys and indexes from the document root to a node.
 * @typedef {Array<string | number>} JsonPath
 */
/**
 * A node of the document together with where it is defined.
 * @typedef {{ node: any, path: JsonPath }} Located
 */
/**
 * The object shape a schema declares once `allOf` and `$ref` are merged in.
 * @typedef {{ properties: Map<string, Located>, required: Set<string> }} Shape
 */

/**
 * Whether a value is a plain JSON object (not null, not an array).
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** A stable string key for a path, used to report each definition once. @param {JsonPath} path */
export const pathKey = (path) => JSON.stringify(path);

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
    if (ref !== "#" && !ref.startsWith("#/")) return null;
    if (seen.has(ref)) return null;
    seen.add(ref);
    const target = ref === "#" ? [] : ref.slice(2).split("/").map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
    /** @type {unknown} */
    let value = root;
    for (const key of target) {
      if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
      else if (isObject(value) && Object.hasOwn(value, key)) value = value[key];
      else return null;
    }
    located = { node: value, path: target };
  }
  return located;
}

// Keys whose values are instance data, not OpenAPI or JSON Schema structure:
// an example body may well contain `oneOf` or `x-…` keys of its own.
const DATA_KEYS = new Set(["example", "enum", "const", "default"]);
// Keys whose values map names to objects: there `default` or `example` is a
// name (a `default` response, a property called `example`), not data.
const NAME_MAPS = new Set([
  "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
  "schemas", "responses", "parameters", "headers", "content", "requestBodies",
  "securitySchemes", "links", "callbacks", "pathItems", "paths", "webhooks", "encoding",
]);

/**
 * Calls `visit` for every object in the document (depth first, document
 * order), skipping example bodies and other instance data. Media-type
 * `examples` maps are entered (Example objects may carry extensions) but
 * their `value` is not; schema `examples` arrays are data and are skipped.
 * @param {unknown} root
 * @param {(node: Record<string, any>, path: JsonPath) => void} visit
 */
export function walkObjects(root, visit) {
  /** @type {(node: unknown, path: JsonPath, inExampleMap: boolean, isNameMap?: boolean) => void} */
  const step = (node, path, inExampleMap, isNameMap = false) => {
    if (Array.isArray(node)) return node.forEach((item, index) => step(item, [...path, index], false));
    if (!isObject(node)) return;
    visit(node, path);
    for (const [key, value] of Object.entries(node)) {
      if (isNameMap) step(value, [...path, key], false);
      else if (key === "examples") {
        if (isObject(value)) for (const [name, example] of Object.entries(value)) step(example, [...path, key, name], true);
      } else if (!DATA_KEYS.has(key) && !(inExampleMap && key === "value")) {
        step(value, [...path, key], false, NAME_MAPS.has(key) && isObject(value));
      }
    }
  };
  step(root, [], false);
}

/**
 * Whether a schema is, contains, or refers (through any chain of `$ref`s) to
 * one of `targets`: an operation is a job operation when a success body can
 * be a job, and `sub_jobs` items must reach a job.
 * @param {unknown} root the whole document
 * @param {Located} start
 * @param {Set<unknown>} targets schema objects of the document
 */
export function reachesAny(root, start, targets) {
  const seen = new Set();
  /** @type {Array<[unknown, boolean]>} */
  const stack = [[start.node, false]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, isNameMap] = item;
    if (targets.has(node)) return true;
    if (Array.isArray(node)) node.forEach((entry) => stack.push([entry, false]));
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === "string") stack.push([deref(root, { $ref: node.$ref }, [])?.node, false]);
    for (const [key, value] of Object.entries(node)) {
      // Schema `examples` and extension values are data, never schemas to follow.
      const isData = DATA_KEYS.has(key) || key === "examples" || key.startsWith("x-");
      if (isNameMap || !isData) stack.push([value, NAME_MAPS.has(key) && !isNameMap]);
    }
  }
  return false;
}

/**
 * Collects the properties and required names a schema declares, directly or
 * through `allOf` members and `$ref` (3.1 allows siblings beside `$ref`):
 * what it declares, not how it is factored. `properties` maps each name to
 * its schema where it is written.
 * @param {unknown} root
 * @param {Located} schema
 * @returns {Shape}
 */
export function shapeOf(root, schema) {
  /** @type {Shape} */
  const shape = { properties: new Map(), required: new Set() };
  const seen = new Set();
  /** @param {Located | null} located */
  const add = (located) => {
    if (located === null || !isObject(located.node) || seen.has(pathKey(located.path))) return;
    const { node, path } = located;
    seen.add(pathKey(path));
    for (const [name, value] of Object.entries(isObject(node.properties) ? node.properties : {})) {
      if (!shape.properties.has(name)) shape.properties.set(name, { node: value, path: [...path, "properties", name] });
    }
    for (const name of Array.isArray(node.required) ? node.required : []) if (typeof name === "string") shape.required.add(name);
    if (typeof node.$ref === "string") add(deref(root, { $ref: node.$ref }, path));
    if (Array.isArray(node.allOf)) node.allOf.forEach((member, index) => add(deref(root, member, [...path, "allOf", index])));
  };
  add(schema);
  return shape;
}

/**
 * The schema of one property of a schema after following `$ref`s, or null
 * when the schema does not declare it (or the reference is broken).
 * @param {unknown} root
 * @param {Located | null} schema
 * @param {string} name
 * @returns {Located | null}
 */
export function propertyOf(root, schema, name) {
  const located = schema === null ? undefined : shapeOf(root, schema).properties.get(name);
  return located === undefined ? null : deref(root, located.node, located.path);
}

/**
 * The literal a schema pins a property to: `const`, or a one-value `enum`.
 * @param {unknown} root
 * @param {Located} schema
 * @param {string} name
 * @returns {string | null}
 */
export function constOf(root, schema, name) {
  const node = propertyOf(root, schema, name)?.node;
  if (!isObject(node)) return null;
  if (typeof node.const === "string") return node.const;
  if (Array.isArray(node.enum) && node.enum.length === 1 && typeof node.enum[0] === "string") return node.enum[0];
  return null;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Every operation under `paths` (following `$ref`ed path items), with a name
 * for messages (`showJob`, or `GET /path`) and its responses, resolved.
 * @param {unknown} root
 */
export function operationsOf(root) {
  if (!isObject(root) || !isObject(root.paths)) return [];
  return Object.entries(root.paths).flatMap(([route, item]) => {
    const pathItem = deref(root, item, ["paths", route]);
    if (pathItem === null || !isObject(pathItem.node)) return [];
    const owner = pathItem.node;
    return METHODS.filter((method) => isObject(owner[method])).map((method) => {
      const node = owner[method];
      const path = [...pathItem.path, method];
      const responses = Object.entries(isObject(node.responses) ? node.responses : {}).flatMap(([status, value]) => {
        const located = deref(root, value, [...path, "responses", status]);
        return located !== null && isObject(located.node) ? [{ status, ref: value?.$ref, node: located.node, path: located.path }] : [];
      });
      return { node, path, route, label: typeof node.operationId === "string" ? node.operationId : `${method.toUpperCase()} ${route}`, responses };
    });
  });
}

/**
 * The media types of a response, resolved: the JSON ones (`application/json`,
 * `application/problem+json`, …) unless `type` names another.
 * @param {unknown} root
 * @param {Located} owner a response or request body
 * @param {RegExp} [type]
 * @returns {Array<{ node: Record<string, any>, path: JsonPath }>}
 */
export function mediaTypesOf(root, owner, type = JSON_MEDIA_TYPE) {
  if (!isObject(owner.node) || !isObject(owner.node.content)) return [];
  return Object.entries(owner.node.content).flatMap(([name, value]) => {
    const located = type.test(name) ? deref(root, value, [...owner.path, "content", name]) : null;
    return located !== null && isObject(located.node) ? [{ node: located.node, path: located.path }] : [];
  });
}

/**
 * The examples of a media type: `example`, and each (possibly `$ref`ed) entry
 * of `examples` with its key and the Example object it resolves to.
 * @param {unknown} root
 * @param {{ node: Record<string, any>, path: JsonPath }} mediaType
 * @returns {Array<{ key: string, ref?: string, example: Record<string, any>, value: unknown }>}
 */
export function examplesOf(root, mediaType) {
  /** @type {Array<{ key: string, ref?: string, example: Record<string, any>, value: unknown }>} */
  const found = mediaType.node.example === undefined ? [] : [{ key: "example", example: {}, value: mediaType.node.example }];
  for (const [key, value] of Object.entries(isObject(mediaType.node.examples) ? mediaType.node.examples : {})) {
    const example = deref(root, value, [...mediaType.path, "examples", key])?.node;
    if (isObject(example) && example.value !== undefined) found.push({ key, ref: value?.$ref, example, value: example.value });
  }
  return found;
}

/**
 * A short name for a schema in messages: its component name when it is one,
 * otherwise its JSON path.
 * @param {JsonPath} path
 */
export function schemaName(path) {
  if (path.length === 3 && path[0] === "components" && path[1] === "schemas") return String(path[2]);
  return path.join(".");
}
