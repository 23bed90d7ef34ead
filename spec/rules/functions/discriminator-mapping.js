import { createRulesetFunction } from "@stoplight/spectral-core";
import { constOf, deref, isObject, pathKey, schemaName, walkObjects } from "../../catalogue/document.js";

/** @typedef {import("@stoplight/spectral-core").IFunctionResult} IFunctionResult */

/**
 * cloud-jobs-discriminator-mapping: a `oneOf` with a `discriminator` has an
 * explicit `mapping` (without one, openapi-typescript uses schema names as
 * the literals); every mapping target exists and is a `oneOf` member; every
 * member is mapped; and each key equals the literal its target pins the
 * discriminator property to, so narrowing on `job_type` matches the wire.
 */
export default createRulesetFunction(
  { input: null, options: null },
  /** @param {unknown} document */
  function discriminatorMapping(document) {
    /** @type {IFunctionResult[]} */
    const results = [];
    walkObjects(document, (node, path) => {
      const { discriminator } = node;
      if (!isObject(discriminator) || typeof discriminator.propertyName !== "string" || !Array.isArray(node.oneOf)) return;
      const property = discriminator.propertyName;
      const name = schemaName(path);
      if (!isObject(discriminator.mapping)) {
        results.push({ path: [...path, "discriminator"], message: `Discriminated union ${name} MUST list its members in discriminator.mapping.` });
        return;
      }
      const members = node.oneOf.map((entry, index) => deref(document, entry, [...path, "oneOf", index]));
      const memberKeys = new Set(members.flatMap((member) => (member === null ? [] : [pathKey(member.path)])));
      const mapped = new Set();
      for (const [key, value] of Object.entries(discriminator.mapping)) {
        const at = [...path, "discriminator", "mapping", key];
        const ref = typeof value === "string" && !value.includes("/") ? `#/components/schemas/${value}` : value;
        const target = typeof ref === "string" ? deref(document, { $ref: ref }, at) : null;
        if (target === null) {
          results.push({ path: at, message: `Mapping target ${String(value)} of '${key}' MUST exist.` });
          continue;
        }
        mapped.add(pathKey(target.path));
        if (!memberKeys.has(pathKey(target.path))) {
          results.push({ path: at, message: `Mapping target ${String(value)} of '${key}' MUST be a oneOf member of ${name}.` });
        }
        const literal = constOf(document, target, property);
        if (literal === null) {
          results.push({ path: at, message: `Mapping target ${schemaName(target.path)} MUST pin ${property} to '${key}' with const.` });
        } else if (literal !== key) {
          results.push({ path: at, message: `Mapping key '${key}' MUST equal the ${property} const '${literal}' of ${schemaName(target.path)}.` });
        }
      }
      members.forEach((member, index) => {
        if (member === null) return; // a broken $ref is reported by Spectral's invalid-ref
        if (!mapped.has(pathKey(member.path))) {
          results.push({ path: [...path, "oneOf", index], message: `oneOf member ${schemaName(member.path)} MUST be listed in the discriminator.mapping of ${name}.` });
        }
      });
    });
    return results;
  },
);
