import { isObject } from "./json.js";

/** @typedef {import("./json.js").JsonPath} JsonPath */

// Keys whose values are instance data, not OpenAPI or JSON Schema structure:
// an example body may well contain `oneOf` or `x-…` keys of its own.
export const DATA_KEYS = new Set(["example", "enum", "const", "default"]);
// Keys whose values map names to objects: there `default` or `example` is a
// name (a `default` response, a property called `example`), not data.
export const NAME_MAPS = new Set([
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
 * @param {(node: Record<string, unknown>, path: JsonPath) => void} visit
 */
export function walkObjects(root, visit) {
  /**
   * @param {unknown} node
   * @param {JsonPath} path
   * @param {boolean} inExampleMap
   * @param {boolean} [isNameMap]
   */
  const step = (node, path, inExampleMap, isNameMap = false) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => step(item, [...path, index], false));
      return;
    }
    if (!isObject(node)) return;
    visit(node, path);
    for (const [key, value] of Object.entries(node)) {
      if (isNameMap) {
        step(value, [...path, key], false);
        continue;
      }
      if (DATA_KEYS.has(key)) continue;
      if (key === "examples") {
        if (isObject(value)) {
          for (const [name, example] of Object.entries(value)) {
            step(example, [...path, key, name], true);
          }
        }
        continue;
      }
      if (inExampleMap && key === "value") continue;
      step(value, [...path, key], false, NAME_MAPS.has(key) && isObject(value));
    }
  };
  step(root, [], false);
}
