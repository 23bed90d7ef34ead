// What the tests reach: the public entry and the internal one, as other packages see them.
export * from "../src/index.js";
export * from "../src/internal.js";
