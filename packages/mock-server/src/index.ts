export { runMockCli, type MockCliIo } from "./cli.js";
export { FAULT_SYNTAX, FaultSyntaxError, parseFaults, type Fault, type FaultRule, type FaultRuleInput } from "./faults.js";
export type { SimulatedJobInfo } from "./jobs.js";
export { DEFAULT_MOCK_TIMEOUTS, MockOptionsError, type MockServerOptions, type MockTimeouts } from "./options.js";
export { serviceOfHost } from "./routes.js";
export { SimulationInputError, type SimulatedJobInput } from "./simulation-plan.js";
export { MockListenError, startMockServer, type MockServer } from "./start-mock-server.js";
