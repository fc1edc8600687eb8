/**
 * Server configuration: the settings this issue added, and the messages that name a wrong one.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config.js";
import { ConfigError } from "../../../server/errors.js";

const external = { NEO4J_URI: "neo4j://db.example:7687", NEO4J_PASSWORD: "pw" };

describe("config #neo4j user", () => {
  it("should take NEO4J_USERNAME, the name in Aura's credential files", () => {
    expect(loadConfig({ ...external, NEO4J_USERNAME: "aura-user" }).neo4j?.user).toBe("aura-user");
  });

  it("should take NEO4J_USER, and neo4j when neither is set", () => {
    expect(loadConfig({ ...external, NEO4J_USER: "desk" }).neo4j?.user).toBe("desk");
    expect(loadConfig(external).neo4j?.user).toBe("neo4j");
  });

  it("should refuse two different user names", () => {
    expect(() => loadConfig({ ...external, NEO4J_USER: "a", NEO4J_USERNAME: "b" })).toThrow(/NEO4J_USERNAME/);
  });
});

describe("config #trust proxy", () => {
  it("should trust no proxy by default", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it("should read a hop count and a list of addresses", () => {
    expect(loadConfig({ PARLEY_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ PARLEY_TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
  });

  it("should name PARLEY_TRUST_PROXY when its value is wrong", () => {
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: "true" })).toThrow(/PARLEY_TRUST_PROXY: .*hop count/);
  });
});
