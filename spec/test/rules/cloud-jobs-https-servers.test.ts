import { describe, expect, it } from "vitest";
import { findings } from "./lint.js";

const RULE = "cloud-jobs-https-servers";
const document = (url: string) => `openapi: 3.1.0
info: {title: Jobs, version: "1"}
servers:
  - url: https://{service}.eu-de.otc.t-systems.com
    variables: {service: {default: ecs}}
  - url: ${url}
paths: {}
`;

describe(RULE, () => {
  it("reports nothing when every server uses https", async () => {
    expect(await findings(RULE, document("https://{service}.{region}.myhuaweicloud.com"))).toEqual([]);
  });

  it("reports a server that does not", async () => {
    expect(await findings(RULE, document("http://127.0.0.1:8080"))).toEqual([
      { path: ["servers", "1", "url"], message: "Server URL http://127.0.0.1:8080 MUST use https." },
    ]);
  });
});
