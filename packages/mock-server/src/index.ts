export { runMockCli, type MockCliIo } from "./cli/run-mock-cli.js";
export type { FaultRule, FaultRuleInput } from "./faults/fault-rules.js";
export { FAULT_SYNTAX, FaultSyntaxError, parseFaults, type Fault } from "./faults/parse-faults.js";
export { SimulationInputError, type SimulatedJobInput } from "./jobs/simulation-plan.js";
export type { SimulatedJobInfo } from "./jobs/simulations.js";
export { MockListenError } from "./listen.js";
export { DEFAULT_MOCK_TIMEOUTS, MockOptionsError, type MockServerOptions, type MockTimeouts } from "./options.js";
export { serviceOfHost } from "./service-of-host.js";
export { startMockServer, type MockServer } from "./start-mock-server.js";
