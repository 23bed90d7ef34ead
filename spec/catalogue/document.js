// Walking an OpenAPI document by hand, following local `$ref`s, with no dependency. The rule
// functions run on the *unresolved* document so that results point where a person edits;
// the catalogue reads the bundled one.

/** @typedef {import("./index.js").JsonPath} JsonPath */
/** @typedef {import("./index.js").Located} Located */
/** @typedef {{ node: Record<string, any>, path: JsonPath }} LocatedObject */

/** Whether a value is a plain JSON object. @type {(value: unknown) => value is Record<string, any>} */
export const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** A stable string key for a path, to report each definition once. @param {JsonPath} path */
export const pathKey = (path) => JSON.stringify(path);

/** A schema's component name when it is one, else its JSON path: how messages name it. @param {JsonPath} path */
export const schemaName = (path) => (path.length === 3 && path[0] === "components" && path[1] === "schemas" ? String(path[2]) : path.join("."));

/**
 * Follows `$ref` chains from `node` (written at `path`) to where it is defined; null when a reference does not
 * resolve (external, dangling or circular).
 * @type {(root: unknown, node: unknown, path: JsonPath) => Located | null}
 */
export function deref(root, node, path) {
  let located = { node, path };
  const seen = new Set();
  while (isObject(located.node) && typeof located.node.$ref === "string") {
    const ref = located.node.$ref;
    if ((ref !== "#" && !ref.startsWith("#/")) || seen.has(ref)) return null;
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

// Keys whose values are instance data, not structure: an example body may well contain `oneOf` or `x-…` keys.
const DATA_KEYS = new Set(["example", "enum", "const", "default"]);
// Keys whose values map names to objects: there `default` or `example` is a name, not data.
const NAME_MAPS = new Set([
  "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "responses", "parameters", "headers",
  "content", "requestBodies", "securitySchemes", "links", "callbacks", "pathItems", "paths", "webhooks", "encoding",
]);

/**
 * Calls `visit` for every object of the document, depth first in document order, skipping instance data: media-type
 * `examples` maps are entered (Example objects may carry extensions) but not their `value`; schema `examples` arrays
 * are skipped.
 * @type {(root: unknown, visit: (node: Record<string, any>, path: JsonPath) => void) => void}
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
 * Whether a schema is, contains, or refers (through any chain of `$ref`s) to one of `targets` (schema objects of the
 * document): a success body that can be a job makes a job operation, and `sub_jobs` items must reach a job.
 * @type {(root: unknown, start: Located, targets: Set<unknown>) => boolean}
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
 * The properties (each where it is written) and required names a schema declares, directly or through `allOf` and
 * `$ref` (3.1 allows siblings beside `$ref`): what it declares, not how it is factored.
 * @type {(root: unknown, schema: Located) => import("./index.js").Shape}
 */
export function shapeOf(root, schema) {
  /** @type {import("./index.js").Shape} */
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

/** The schema of a property a schema declares, where it is defined; null when there is none. @type {(root: unknown, schema: Located | null, name: string) => Located | null} */
export function propertyOf(root, schema, name) {
  const located = schema === null ? undefined : shapeOf(root, schema).properties.get(name);
  return located === undefined ? null : deref(root, located.node, located.path);
}

/** The literal a schema pins a property to: `const`, or a one-value `enum`. @type {(root: unknown, schema: Located, name: string) => string | null} */
export function constOf(root, schema, name) {
  const node = propertyOf(root, schema, name)?.node;
  if (!isObject(node)) return null;
  if (typeof node.const === "string") return node.const;
  return Array.isArray(node.enum) && node.enum.length === 1 && typeof node.enum[0] === "string" ? node.enum[0] : null;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Every operation under `paths` (following `$ref`ed path items), with a name for messages (`showJob`, or `GET /path`)
 * and its responses, each resolved (`ref`: the `$ref` it was written as).
 * @param {unknown} root
 */
export function operationsOf(root) {
  if (!isObject(root) || !isObject(root.paths)) return [];
  return Object.entries(root.paths).flatMap(([route, item]) => {
    const pathItem = deref(root, item, ["paths", route]);
    if (pathItem === null || !isObject(pathItem.node)) return [];
    return METHODS.filter((method) => isObject(pathItem.node[method])).map((method) => {
      const node = pathItem.node[method];
      const path = [...pathItem.path, method];
      const responses = Object.entries(isObject(node.responses) ? node.responses : {}).flatMap(([status, value]) => {
        const located = deref(root, value, [...path, "responses", status]);
        return located !== null && isObject(located.node) ? [{ status, ref: value?.$ref, node: located.node, path: located.path }] : [];
      });
      return { node, path, label: typeof node.operationId === "string" ? node.operationId : `${method.toUpperCase()} ${route}`, responses };
    });
  });
}

/**
 * The media types of a response, resolved: the JSON ones (`application/json`, `…+json`) unless `type` says otherwise.
 * @type {(root: unknown, owner: Located, type?: RegExp) => LocatedObject[]}
 */
export function mediaTypesOf(root, owner, type = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i) {
  return Object.entries(isObject(owner.node?.content) ? owner.node.content : {}).flatMap(([name, value]) => {
    const located = type.test(name) ? deref(root, value, [...owner.path, "content", name]) : null;
    return located !== null && isObject(located.node) ? [{ node: located.node, path: located.path }] : [];
  });
}

/**
 * The examples of a media type: `example`, and each entry of `examples` with its key, the `$ref` it was written as
 * and the Example object it resolves to.
 * @typedef {{ key: string, ref?: string, example: Record<string, any>, value: unknown }} Example
 * @type {(root: unknown, mediaType: LocatedObject) => Example[]}
 */
export function examplesOf(root, mediaType) {
  /** @type {Example[]} */
  const found = mediaType.node.example === undefined ? [] : [{ key: "example", example: {}, value: mediaType.node.example }];
  for (const [key, value] of Object.entries(isObject(mediaType.node.examples) ? mediaType.node.examples : {})) {
    const example = deref(root, value, [...mediaType.path, "examples", key])?.node;
    if (isObject(example) && example.value !== undefined) found.push({ key, ref: value?.$ref, example, value: example.value });
  }
  return found;
}
