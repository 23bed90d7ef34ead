import { deref, isObject } from "./json.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */
/** @typedef {import("./json.js").Located} Located */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

/**
 * An operation and a name for it in messages (`showJob`, or `GET /path`).
 * @typedef {{ node: Record<string, unknown>, path: JsonPath, label: string }} Operation
 */
/**
 * A response of an operation, resolved, with its status key.
 * @typedef {{ status: string, node: Record<string, unknown>, path: JsonPath }} Response
 */

/**
 * Every operation under `paths`, following `$ref`ed path items.
 * @param {unknown} root
 * @returns {Operation[]}
 */
export function operationsOf(root) {
  if (!isObject(root) || !isObject(root.paths)) return [];
  /** @type {Operation[]} */
  const operations = [];
  for (const [route, item] of Object.entries(root.paths)) {
    const pathItem = deref(root, item, ["paths", route]);
    if (pathItem === null || !isObject(pathItem.node)) continue;
    for (const method of METHODS) {
      const node = pathItem.node[method];
      if (!isObject(node)) continue;
      const label = typeof node.operationId === "string" ? node.operationId : `${method.toUpperCase()} ${route}`;
      operations.push({ node, path: [...pathItem.path, method], label });
    }
  }
  return operations;
}

/**
 * The responses of an operation, each resolved to where it is defined.
 * @param {unknown} root
 * @param {Operation} operation
 * @returns {Response[]}
 */
export function responsesOf(root, operation) {
  const { responses } = operation.node;
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([status, value]) => {
    const located = deref(root, value, [...operation.path, "responses", status]);
    return located !== null && isObject(located.node) ? [{ status, node: located.node, path: located.path }] : [];
  });
}

/**
 * The JSON media types (`application/json`, `application/problem+json`, …)
 * of a response or request body, resolved.
 * @param {unknown} root
 * @param {Located} owner a response or request body
 * @returns {Array<{ node: Record<string, unknown>, path: JsonPath }>}
 */
export function jsonMediaTypes(root, owner) {
  if (!isObject(owner.node) || !isObject(owner.node.content)) return [];
  return Object.entries(owner.node.content).flatMap(([type, value]) => {
    if (!JSON_MEDIA_TYPE.test(type)) return [];
    const located = deref(root, value, [...owner.path, "content", type]);
    return located !== null && isObject(located.node) ? [{ node: located.node, path: located.path }] : [];
  });
}

/**
 * The example bodies of a media type: `example`, and the `value` of each
 * (possibly `$ref`ed) entry of `examples`.
 * @param {unknown} root
 * @param {{ node: Record<string, unknown>, path: JsonPath }} mediaType
 * @returns {unknown[]}
 */
export function examplesOf(root, mediaType) {
  const values = [];
  if (mediaType.node.example !== undefined) values.push(mediaType.node.example);
  if (isObject(mediaType.node.examples)) {
    for (const [name, value] of Object.entries(mediaType.node.examples)) {
      const example = deref(root, value, [...mediaType.path, "examples", name]);
      if (example !== null && isObject(example.node) && example.node.value !== undefined) values.push(example.node.value);
    }
  }
  return values;
}
