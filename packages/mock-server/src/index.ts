export { runMockCli, type MockCliIo } from "./cli.js";
export { FAULT_SYNTAX, FaultSyntaxError, parseFaults, type Fault, type FaultRule, type FaultRuleInput } from "./faults.js";
export { SimulationInputError, type SimulatedJobInfo, type SimulatedJobInput } from "./jobs.js";
export { serviceOfHost } from "./routes.js";
export { DEFAULT_MOCK_TIMEOUTS, MockListenError, MockOptionsError, startMockServer, type MockServer, type MockServerOptions, type MockTimeouts } from "./start-mock-server.js";
