import { createRequire } from "node:module";

export { readCatalogue, SpecShapeError } from "./read-catalogue.js";

/**
 * The catalogue of this package's contract, read from `dist/openapi.json` by
 * `readCatalogue` when the package was built.
 * @type {import("./index.js").Catalogue}
 */
export const catalogue = createRequire(import.meta.url)("../dist/catalogue.json");

/** Every service of the contract, in the contract's order. */
export const SERVICE_NAMES = Object.freeze(Object.keys(catalogue.services));

/** Whether a value is the name of a service of the contract. @param {unknown} value */
export const isServiceName = (value) => typeof value === "string" && SERVICE_NAMES.includes(value);
