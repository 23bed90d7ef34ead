import { deref, isObject, pathKey } from "./json.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */
/** @typedef {import("./json.js").Located} Located */

/**
 * The object shape a schema declares once `allOf` and `$ref` are merged in.
 * `properties` maps each property name to its schema where it is written.
 * @typedef {{ properties: Map<string, Located>, required: Set<string> }} Shape
 */

/**
 * Collects the properties and required names a schema declares, directly or
 * through `allOf` members and `$ref` (3.1 allows siblings beside `$ref`).
 * A job schema may be written as `allOf: [JobCommon, {…}]`; the rules care
 * about what it declares, not how it is factored.
 * @param {unknown} root the whole document
 * @param {Located} schema
 * @returns {Shape}
 */
export function shapeOf(root, schema) {
  /** @type {Shape} */
  const shape = { properties: new Map(), required: new Set() };
  const seen = new Set();
  /** @param {Located} located */
  const add = ({ node, path }) => {
    if (!isObject(node) || seen.has(pathKey(path))) return;
    seen.add(pathKey(path));
    if (isObject(node.properties)) {
      for (const [name, value] of Object.entries(node.properties)) {
        if (!shape.properties.has(name)) shape.properties.set(name, { node: value, path: [...path, "properties", name] });
      }
    }
    if (Array.isArray(node.required)) {
      for (const name of node.required) if (typeof name === "string") shape.required.add(name);
    }
    if (typeof node.$ref === "string") {
      const target = deref(root, { $ref: node.$ref }, path);
      if (target !== null) add(target);
    }
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((member, index) => {
        const target = deref(root, member, [...path, "allOf", index]);
        if (target !== null) add(target);
      });
    }
  };
  add(schema);
  return shape;
}

/**
 * The schema of one property after following its `$ref`s, or null when the
 * schema does not declare it (or the reference is broken).
 * @param {unknown} root
 * @param {Shape} shape
 * @param {string} name
 * @returns {Located | null}
 */
export function propertySchema(root, shape, name) {
  const located = shape.properties.get(name);
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
  const property = propertySchema(root, shapeOf(root, schema), name);
  if (property === null || !isObject(property.node)) return null;
  const { node } = property;
  if (typeof node.const === "string") return node.const;
  if (Array.isArray(node.enum) && node.enum.length === 1 && typeof node.enum[0] === "string") return node.enum[0];
  return null;
}
