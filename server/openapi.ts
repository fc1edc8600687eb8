/**
 * OpenAPI document
 * ================
 *
 * `GET /api/openapi.json`: an OpenAPI 3.1 description generated from the route registry (server/routes.ts), so every
 * mounted route is in it with the zod schemas that parse its parameters and body and describe its answer. Schemas
 * that refer to themselves (JSON values, console cells) are hoisted into `components.schemas` so every `$ref`
 * resolves from the document's root.
 */
import { z } from "zod";
import { errorDtoSchema } from "../contracts/api.js";
import { type Route, defineRoute, rateBudgetOf } from "./http/route.js";

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid parameters or body; `details` lists each problem as {path, message}",
  401: "Admin token missing",
  403: "Not allowed (writes need an admin token, or a loopback client when none is configured)",
  404: "Unknown id",
  408: "Query timed out",
  409: "Conflicts with the current state (another import being staged, a later change, a decided suggestion)",
  410: "Taken down",
  413: "Body too large",
  415: "Not JSON",
  429: "Too many requests; see Retry-After",
  503: "Database unavailable; retry",
  504: "Query timed out",
};

/** Express `/nodes/:id` → OpenAPI `/api/nodes/{id}`. */
export function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:(\w+)/g, "{$1}")}`;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Schemas
 * -------------------------------------------------------------------------------------------------------------- */

/** Turns zod schemas into JSON Schema, moving every `$defs` entry into one shared `components.schemas`. */
class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly texts = new Map<string, string>();

  write(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    // Preprocessed query lists are transforms, which JSON Schema cannot express: `unrepresentable: "any"` leaves
    // them open and parameters() describes them as strings.
    const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
    const renamed = new Map<string, string>();
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      renamed.set(name, this.nameFor(name, definition));
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== "object") return value;
      const out: JsonSchema = {};
      for (const [key, v] of Object.entries(value)) {
        const target = key === "$ref" && typeof v === "string" ? /^#\/\$defs\/(.+)$/.exec(v)?.[1] : undefined;
        out[key] = target !== undefined ? `#/components/schemas/${renamed.get(target) ?? target}` : rewrite(v);
      }
      return out;
    };
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.components[renamed.get(name)!] = rewrite(definition) as JsonSchema;
    }
    return rewrite(rest) as JsonSchema;
  }

  /** One component per distinct definition: the same JSON Schema text gets the same name. */
  private nameFor(name: string, definition: JsonSchema): string {
    const text = JSON.stringify(definition);
    const known = this.texts.get(text);
    if (known) return known;
    const base = name.replace(/^_+/, "") || "schema";
    let unique = base;
    for (let i = 2; unique in this.components; i++) unique = `${base}${i}`;
    this.texts.set(text, unique);
    // Reserved now, filled once its own references are rewritten.
    this.components[unique] = {};
    return unique;
  }
}

/** OpenAPI parameters from a zod schema (an object's properties, or one path parameter). */
function parameters(
  writer: SchemaWriter,
  schema: z.ZodType,
  where: "query" | "path",
  pathNames: string[],
): JsonSchema[] {
  const object = writer.write(schema, "input") as {
    type?: string;
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  if (object.type !== "object" || !object.properties) {
    // A path parameter parsed alone (e.g. the snapshot id).
    return pathNames.map((name) => ({ name, in: where, required: true, schema: object }));
  }
  return Object.entries(object.properties).map(([name, property]) => {
    const isList = Object.keys(property).length === 0 || property.type === "array";
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      schema: isList ? { type: "string", description: "Comma-separated list of lower-case ids or kinds" } : property,
    };
  });
}

/* ----------------------------------------------------------------------------------------------------------------
 * Operations
 * -------------------------------------------------------------------------------------------------------------- */

/** The error statuses a route can answer: its own, and those its options imply. */
function errorStatuses(route: Route): number[] {
  const statuses = new Set(route.errors ?? []);
  if (route.auth === "admin") [401, 403].forEach((s) => statuses.add(s));
  if (route.body) [413, 415].forEach((s) => statuses.add(s));
  if (rateBudgetOf(route) !== "none") statuses.add(429);
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

function operation(writer: SchemaWriter, route: Route): JsonSchema {
  const pathNames = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const response = writer.write(route.response, "output");
  const error = writer.write(errorDtoSchema, "output");
  const successes = route.responseStatuses ?? [200];
  const types = route.responseTypes ?? ["application/json"];
  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "")}`,
    ...(route.auth === "admin" ? { security: [{ adminToken: [] }, {}] } : {}),
    parameters: [
      ...(route.params ? parameters(writer, route.params.schema, "path", pathNames) : []),
      ...(route.query ? parameters(writer, route.query.schema, "query", pathNames) : []),
    ],
    ...(route.body
      ? {
          requestBody: {
            required: !route.body.optional,
            content: { "application/json": { schema: writer.write(route.body.schema, "input") } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        successes.map((status) => [
          String(status),
          {
            description: route.responseDescription ?? (status === 201 ? "Created" : "OK"),
            content: Object.fromEntries(types.map((type) => [type, { schema: response }])),
          },
        ]),
      ),
      ...Object.fromEntries(
        errorStatuses(route)
          .filter((status) => !successes.includes(status))
          .map((status) => [
            String(status),
            { description: ERROR_TEXT[status] ?? "Error", content: { "application/json": { schema: error } } },
          ]),
      ),
    },
  };
}

/** Builds the OpenAPI 3.1 document of a list of routes. */
export function buildOpenApi(routes: Route[]): JsonSchema {
  const writer = new SchemaWriter();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const entry = (paths[openApiPath(route.path)] ??= {});
    if (entry[route.method]) throw new Error(`OpenAPI: ${route.method} ${route.path} is declared twice`);
    entry[route.method] = operation(writer, route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "0.1.0",
      description:
        "Diplomatic actor networks in Neo4j: who met whom, when, where, about what, with the evidence behind each fact. Ids are application slugs; bodies are compact JSON; errors have the shape {error:{code,message,requestId}}.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: writer.components,
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "PARLEY_ADMIN_TOKEN; without one configured, writes are accepted from loopback clients only",
        },
      },
    },
  };
}

/** `GET /api/openapi.json`, serving a document built once per app. */
export function openApiRoute(document: () => JsonSchema): Route {
  return defineRoute({
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    response: z.record(z.string(), z.unknown()),
    responseDescription: "OpenAPI 3.1",
    handler: () => document(),
  });
}
