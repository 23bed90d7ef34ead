/** Project id the tests query (the mock answers any 32-hex project for jobs it created without one). */
export const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";

/** Recognisable credentials: the secret ones must never appear in anything the CLI prints. */
export const TOKEN = "tok-E2E-1f2e3d4c5b6a-SHOULD-NEVER-PRINT";
export const ACCESS_KEY = "AKE2E0000000000000001";
export const SECRET_KEY = "sk-E2E-9a8b7c6d5e4f-SHOULD-NEVER-PRINT";
export const SECURITY_TOKEN = "sts-E2E-0011223344-SHOULD-NEVER-PRINT";

/** A job id no server knows (400 Common.0011). */
export const UNKNOWN_JOB_ID = "ffffffffffffffffffffffffffffffff";
