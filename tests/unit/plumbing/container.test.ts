/**
 * The container: the Dockerfile's stages, user, entry point and health check, the compose file's services and
 * settings, and what .dockerignore keeps out of the image. Parsed here because CI has no Docker daemon; the compose
 * file is read with the `yaml` package (no maintained npm package ships the Compose JSON schema).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT_DIR } from "../../../server/config.js";

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function dockerfileInstructions(): Instruction[] {
  const text = readFileSync(path.join(ROOT_DIR, "Dockerfile"), "utf8").replace(/\\\n\s*/g, " ");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
}

/** The instructions of each stage, by stage name. */
function stages(): Map<string, Instruction[]> {
  const result = new Map<string, Instruction[]>();
  let current: Instruction[] | null = null;
  for (const instruction of dockerfileInstructions()) {
    if (instruction.keyword === "FROM") {
      const match = /^(\S+)\s+AS\s+(\S+)$/i.exec(instruction.args);
      expect(match, `every stage is named: FROM ${instruction.args}`).not.toBeNull();
      current = [instruction];
      result.set(match![2]!, current);
    } else {
      current?.push(instruction);
    }
  }
  return result;
}

describe("container #Dockerfile", () => {
  const byStage = stages();
  const runtime = [...byStage.values()].at(-1)!;
  const last = (keyword: string) => runtime.filter((i) => i.keyword === keyword).at(-1);

  it("should build in one stage and run from another that copies only the built explorer", () => {
    expect(byStage.size).toBeGreaterThanOrEqual(2);
    const build = [...byStage.keys()][0]!;
    expect(runtime.some((i) => i.keyword === "COPY" && i.args.includes(`--from=${build}`))).toBe(true);
    expect(runtime.some((i) => i.keyword === "RUN" && /npm ci .*--omit=dev/.test(i.args))).toBe(true);
  });

  it("should start from a supported Node LTS image", () => {
    const arg = dockerfileInstructions().find((i) => i.keyword === "ARG" && i.args.startsWith("NODE_IMAGE="));
    expect(arg?.args).toMatch(/^NODE_IMAGE=node:(20|22)-bookworm-slim$/);
    for (const [, instructions] of byStage) expect(instructions[0]!.args).toMatch(/^\$\{NODE_IMAGE\}\s/);
  });

  it("should run as a user that is not root", () => {
    const user = last("USER")?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("should make node itself PID 1, not npx or a shell", () => {
    const command = JSON.parse(last("CMD")!.args) as string[];
    expect(command[0]).toBe("node");
    expect(command).not.toContain("npx");
    expect(last("ENTRYPOINT")).toBeUndefined();
  });

  it("should check health on readiness", () => {
    const check = last("HEALTHCHECK")!.args;
    expect(check).toContain("/api/health?ready=1");
    expect(check).toMatch(/CMD \[/);
  });
});

describe("container #compose", () => {
  const compose = parse(readFileSync(path.join(ROOT_DIR, "docker-compose.yml"), "utf8")) as {
    services: Record<
      string,
      { image?: string; build?: unknown; environment?: Record<string, string>; ports?: string[] }
    >;
    volumes?: Record<string, unknown>;
  };

  it("should run the app image against a Neo4j 5 container", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "neo4j"]);
    expect(compose.services.neo4j!.image).toMatch(/^neo4j:5\./);
    expect(compose.services.app!.build).toBeDefined();
    expect(compose.services.app!.environment!.NEO4J_URI).toBe("neo4j://neo4j:7687");
  });

  it("should pass PARLEY_ADMIN_TOKEN, so the host's browser can write", () => {
    expect(compose.services.app!.environment!.PARLEY_ADMIN_TOKEN).toMatch(/^\$\{PARLEY_ADMIN_TOKEN\b/);
  });

  it("should publish ports on the host's loopback only", () => {
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });
});

describe("container #dockerignore", () => {
  const patterns = readFileSync(path.join(ROOT_DIR, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it("should keep .env files, local state and dependencies out of the image", () => {
    for (const pattern of [".env", ".env.*", ".parley", "node_modules", ".git"]) expect(patterns).toContain(pattern);
  });
});
