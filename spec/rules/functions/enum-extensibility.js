import { createRulesetFunction } from "@stoplight/spectral-core";
import { deref, isObject, pathKey, schemaName, walkObjects } from "../../catalogue/document.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */
/** @typedef {import("../../catalogue/document.js").JsonPath} JsonPath */

/** A schema that admits any string an enum beside it does not list. @param {unknown} node */
const isOpenString = (node) => isObject(node) && [node.type].flat().includes("string") && node.enum === undefined && node.const === undefined;

/**
 * cloud-jobs-enum-extensibility: every enum of two or more values under `components.schemas` or a response says in
 * `key` (default x-cloud-jobs-enum) whether it is `closed` or `extensible`, and is used consistently: an extensible
 * enum only ever as a member of an `anyOf` beside an open string (so a value no source lists still validates), a
 * closed one never. Enums under `not` are exclusions, not enums a body carries.
 */
export default createRulesetFunction(
  { input: null, options: { type: ["object", "null"], additionalProperties: false, properties: { key: { type: "string", minLength: 1 } } } },
  /** @type {(document: unknown, options: { key?: string } | null) => IFunctionResult[]} */
  function enumExtensibility(document, options) {
    const key = options?.key ?? "x-cloud-jobs-enum";
    /** @type {Map<unknown, JsonPath>} */
    const enums = new Map();
    /** @type {Set<string>} where an anyOf member sits beside an open string */
    const opened = new Set();
    /** @type {Array<{ target: unknown, path: JsonPath }>} */
    const uses = [];
    walkObjects(document, (node, path) => {
      const inBodies = (path[0] === "components" && path[1] === "schemas") || path.includes("responses");
      if (inBodies && Array.isArray(node.enum) && node.enum.length > 1 && !path.includes("not")) enums.set(node, path);
      if (Array.isArray(node.anyOf) && node.anyOf.some((/** @type {unknown} */ m, /** @type {number} */ i) => isOpenString(deref(document, m, [...path, "anyOf", i])?.node))) {
        node.anyOf.forEach((/** @type {unknown} */ _, /** @type {number} */ i) => opened.add(pathKey([...path, "anyOf", i])));
      }
      const target = typeof node.$ref === "string" ? deref(document, node, path)?.node : node;
      if (!(path.length === 3 && path[1] === "schemas")) uses.push({ target, path });
    });
    /** @type {IFunctionResult[]} */
    const results = [];
    for (const [node, path] of enums) {
      const kind = /** @type {Record<string, unknown>} */ (node)[key];
      const name = schemaName(path);
      if (kind !== "closed" && kind !== "extensible") {
        results.push({ path, message: `Enum ${name} MUST say whether it is closed or extensible in ${key}.` });
        continue;
      }
      for (const use of uses.filter(({ target }) => target === node)) {
        const beside = opened.has(pathKey(use.path));
        if (kind === "extensible" && !beside) results.push({ path: use.path, message: `Extensible enum ${name} MUST be used as an anyOf member beside an open string, so unlisted values validate.` });
        if (kind === "closed" && beside) results.push({ path: use.path, message: `Closed enum ${name} is used beside an open string: it MUST be marked extensible.` });
      }
    }
    return results;
  },
);
