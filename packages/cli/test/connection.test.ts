import { describe, expect, it } from "vitest";
import { clientOptionsFrom, credentialsFromEnv, secretsInEnv } from "../src/connection.js";
import { UsageError } from "../src/errors.js";

const PROJECT = "0605768a6f80d5762f52c0150e726aa7";

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("credentialsFromEnv", () => {
  it("prefers OS_AUTH_TOKEN over an access key pair", () => {
    expect(credentialsFromEnv({ OS_AUTH_TOKEN: "tok", OS_ACCESS_KEY: "ak", OS_SECRET_KEY: "sk" })).toEqual({ token: "tok" });
  });

  it("reads an access key pair with its security token", () => {
    expect(credentialsFromEnv({ OS_ACCESS_KEY: "ak", OS_SECRET_KEY: "sk", OS_SECURITY_TOKEN: "sts" })).toEqual({
      accessKey: "ak",
      secretKey: "sk",
      securityToken: "sts",
    });
  });

  it("names the missing half of an access key pair, treating a blank value as missing", () => {
    expect(usageError(() => credentialsFromEnv({ OS_ACCESS_KEY: "ak", OS_SECRET_KEY: " " })).option).toBe("OS_SECRET_KEY");
    const error = usageError(() => credentialsFromEnv({ OS_SECRET_KEY: "sk-value-42" }));
    expect(error.option).toBe("OS_ACCESS_KEY");
    expect(`${error.message} ${error.hint}`).not.toContain("sk-value-42");
  });

  it("refuses an environment without credentials", () => {
    expect(usageError(() => credentialsFromEnv({})).hint).toMatch(/OS_AUTH_TOKEN.*OS_ACCESS_KEY/);
  });
});

describe("secretsInEnv", () => {
  it("lists token, secret key and security token but not the access key id", () => {
    expect(secretsInEnv({ OS_AUTH_TOKEN: "t1", OS_ACCESS_KEY: "ak", OS_SECRET_KEY: "sk", OS_SECURITY_TOKEN: "st" })).toEqual(["t1", "sk", "st"]);
  });
});

describe("clientOptionsFrom", () => {
  it("takes project and region from OS_PROJECT_ID and OS_REGION_NAME when no flag is given", () => {
    const options = clientOptionsFrom({ service: "evs" }, { OS_PROJECT_ID: PROJECT, OS_REGION_NAME: "eu-nl", OS_AUTH_TOKEN: "tok" });
    expect(options).toMatchObject({ service: "evs", projectId: PROJECT, region: "eu-nl", auth: { token: "tok" } });
  });

  it("lets flags win over the environment", () => {
    const options = clientOptionsFrom(
      { service: "bms", projectId: "a".repeat(32), region: "eu-de", cloud: "huaweicloud" },
      { OS_PROJECT_ID: PROJECT, OS_REGION_NAME: "eu-nl", OS_AUTH_TOKEN: "tok" },
    );
    expect(options).toMatchObject({ projectId: "a".repeat(32), region: "eu-de", cloud: "huaweicloud" });
  });

  it("needs no region when an endpoint is given", () => {
    const options = clientOptionsFrom({ service: "ecs", endpoint: "http://127.0.0.1:4010" }, { OS_PROJECT_ID: PROJECT, OS_AUTH_TOKEN: "t" });
    expect(options.endpoint).toBe("http://127.0.0.1:4010");
  });

  it("refuses a run without project id or without region and endpoint", () => {
    expect(usageError(() => clientOptionsFrom({ service: "ecs", region: "eu-de" }, { OS_AUTH_TOKEN: "t" })).option).toBe("--project-id");
    expect(usageError(() => clientOptionsFrom({ service: "ecs" }, { OS_PROJECT_ID: PROJECT, OS_AUTH_TOKEN: "t" })).option).toBe("--region");
  });
});
