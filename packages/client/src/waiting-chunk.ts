// What `client.waitForJob` loads on its first wait (see client-wait.ts). A separate module, so that bundlers keep only the
// engine of one wait: a dynamic import of wait.js itself would keep the watcher and the simulation too.
export { pollVia, waitWith } from "./wait.js";
