/**
 * OpenAPI document: every route Express mounts under /api is in it, and it holds together (each operation answers
 * with a schema, each body has one, path templates and parameters agree, every $ref resolves) and validates against
 * the OpenAPI 3.1 specification's own schema.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import type { Express } from "express";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app.js";
import { loadConfig } from "../../../server/config.js";
import type { Database } from "../../../server/db/database.js";
import { createLogger } from "../../../server/log.js";
import { curationImportHooks } from "../../../server/modules/curation/import-hooks.js";

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

interface RouterLayer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
}

/** Every `METHOD /path` Express would dispatch to a route, walking mounted routers with their mount paths. */
function mountedRoutes(stack: RouterLayer[], prefix = ""): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((method) => layer.route!.methods[method])
        .map((method) => `${method.toUpperCase()} ${prefix}${layer.route!.path}`);
    }
    if (layer.handle.stack) return mountedRoutes(layer.handle.stack, `${prefix}${layer.rawPath ?? ""}`);
    return [];
  });
}

/** Resolves a local JSON pointer (`#/components/schemas/Json`) in the document. */
function resolve(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => (key === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
}

describe("openapi #document", () => {
  let app: Express;
  let doc: Json & { paths: Record<string, Record<string, Operation>> };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );

  beforeAll(async () => {
    // No request below reaches the database: the document is built from the route declarations alone.
    const db = { dataVersion: 0 } as unknown as Database;
    app = createApp({ config: loadConfig({}), db, log: createLogger("silent"), importHooks: curationImportHooks });
    doc = (await request(app).get("/api/openapi.json").expect(200)).body;
  });

  it("should list every route Express mounted under /api, and nothing else", () => {
    const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
    const mounted = mountedRoutes(stack)
      .filter((route) => route.split(" ")[1]!.startsWith("/api/"))
      .map((route) => route.replace(/:(\w+)/g, "{$1}"))
      .sort();
    const documented = operations()
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
      .sort();
    // The curation writes, the console and the snapshot routes must be among them (they were once left out).
    expect(mounted).toEqual(expect.arrayContaining(["PATCH /api/nodes/{id}", "POST /api/query", "GET /api/stats"]));
    expect(documented).toEqual(mounted);
  });

  it("should give every operation a success answer with a schema", () => {
    for (const { path, method, op } of operations()) {
      const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(successes.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        const media = Object.values(response.content ?? {});
        expect(media.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
        for (const m of media) expect(m.schema, `${method} ${path} ${status}`).toBeTypeOf("object");
      }
    }
  });

  it("should give every request body a schema with properties", () => {
    const bodies = operations().filter(({ op }) => op.requestBody);
    expect(bodies.length).toBeGreaterThanOrEqual(15);
    for (const { path, method, op } of bodies) {
      const schema = op.requestBody!.content?.["application/json"]?.schema;
      expect(schema, `${method} ${path}`).toBeTypeOf("object");
      // An untyped `{type: "object"}` is what the document used to say; each body now has its zod schema.
      expect(JSON.stringify(schema), `${method} ${path}`).toMatch(/"properties"|"anyOf"|"oneOf"|"\$ref"/);
    }
  });

  it("should declare each path template's parameters, and only those, as path parameters", () => {
    for (const { path, method, op } of operations()) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = op.parameters
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      expect(declared, `${method} ${path}`).toEqual(inTemplate);
    }
  });

  it("should resolve every $ref and use unique operation ids", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeTypeOf("object");
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should type query parameters from the zod schemas", () => {
    const limit = doc.paths["/api/nodes/{id}/neighbors"]!.get!.parameters.find((p) => p.name === "limit") as
      { schema: Json } | undefined;
    expect(limit?.schema).toMatchObject({ type: "integer", maximum: 1000 });
  });

  it("should validate against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
