/**
 * OpenAPI document
 * ================
 *
 * `GET /api/openapi.json`: an OpenAPI 3.1 description of every endpoint, generated from the zod schemas that
 * validate the requests (and zod mirrors of the response contracts in contracts/api.ts, checked against those
 * types at compile time), so the document cannot drift from what the routes accept.
 */
import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "./app.js";
import {
  articleDtoSchema as article,
  edgeEventsDtoSchema as edgeEvents,
  errorDtoSchema as errorBody,
  eventDtoSchema as event,
  healthDtoSchema as health,
  neighborsPageDtoSchema as neighborsPage,
  nodeDetailsDtoSchema as nodeDetails,
  pathDtoSchema as pathResult,
  searchResultsDtoSchema as searchResults,
  statsDtoSchema as stats,
  timelineDtoSchema as timeline,
} from "../contracts/api.js";
import { serializedGraphSchema as serializedGraph } from "../contracts/graph.js";
import { importSummarySchema as importSummary } from "../contracts/ingest.js";
import { importFileSchema } from "../contracts/import-format.js";
import { articleParamsSchema } from "./modules/articles/articles.schemas.js";
import {
  edgeParamsSchema,
  neighborsQuerySchema,
  nodeQuerySchema,
  nodeParamsSchema,
  pathQuerySchema,
  searchQuerySchema,
} from "./modules/nodes/nodes.schemas.js";
import { eventParamsSchema } from "./modules/events/events.schemas.js";
import { graphQuerySchema } from "./modules/graph/graph.schemas.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Document
 * -------------------------------------------------------------------------------------------------------------- */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  // Preprocessed query lists are transforms, which JSON Schema cannot express: they are described as strings below.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** OpenAPI parameters from a zod object schema (query string or path). */
function parameters(schema: z.ZodType, where: "query" | "path"): JsonSchema[] {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const isList = Object.keys(property).length === 0 || property.type === "array";
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      schema: isList ? { type: "string", description: "Comma-separated list of lower-case ids or kinds" } : property,
    };
  });
}

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema: jsonSchema(schema) } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: ERROR_TEXT[s] ?? "Error", ...json(errorBody) }]));
const ERROR_TEXT: Record<number, string> = {
  400: "Invalid parameters or body; `details` lists each problem as {path, message}",
  401: "Admin token missing",
  403: "Not allowed (writes need an admin token, or a loopback client when none is configured)",
  404: "Unknown id",
  409: "Another large import is being staged; nothing was written, load the file again when it has finished",
  413: "Body too large",
  415: "Not JSON",
  408: "Query timed out",
  410: "Taken down",
  429: "Too many requests; see Retry-After",
  503: "Database unavailable; retry",
  504: "Query timed out",
};

/** An operation described by words, for endpoints whose bodies are documented in docs/ rather than zod mirrors. */
function op(
  method: "get" | "post" | "delete",
  summary: string,
  statuses: number[],
  requestBody = false,
  pathParams: string[] = [],
) {
  return {
    [method]: {
      summary,
      parameters: pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(requestBody
        ? { requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } } }
        : {}),
      responses: { "200": { description: "OK", content: { "application/json": {} } }, ...errors(...statuses, 503) },
    },
  };
}

function get(
  summary: string,
  response: z.ZodType,
  options: { query?: z.ZodType; path?: z.ZodType; errors?: number[] } = {},
) {
  return {
    get: {
      summary,
      parameters: [
        ...(options.path ? parameters(options.path, "path") : []),
        ...(options.query ? parameters(options.query, "query") : []),
      ],
      responses: { "200": { description: "OK", ...json(response) }, ...errors(...(options.errors ?? [400]), 503) },
    },
  };
}

/** Builds the OpenAPI 3.1 document for an app whose graph budget is `graphBudget`. */
export function buildOpenApi(graphBudget: number): JsonSchema {
  const graphQuery = graphQuerySchema(graphBudget);
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: "0.1.0",
      description:
        "Diplomatic actor networks in Neo4j: who met whom, when, where, about what, with the evidence behind each fact. Ids are application slugs; bodies are compact JSON; errors have the shape {error:{code,message,requestId}}.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/health": get("Service and database status (503 while the database is down)", health, { errors: [] }),
      "/api/graph": get(
        "The network in graphology's serialisation format, filtered, within the element budget",
        serializedGraph,
        { query: graphQuery },
      ),
      "/api/nodes/{id}": get(
        "A node's details: roles, events with participants and evidence (a page at a time: ?events=&eventsOffset=), agreements, quantities",
        nodeDetails,
        {
          path: nodeParamsSchema,
          query: nodeQuerySchema,
          errors: [400, 404],
        },
      ),
      "/api/nodes/{id}/neighbors": get(
        "A page of neighbours ordered by evidence count, with the total and an ego graph",
        neighborsPage,
        {
          path: nodeParamsSchema,
          query: neighborsQuerySchema,
          errors: [400, 404],
        },
      ),
      "/api/search": get(
        "Ranked full-text matches over names, aliases and role titles (prefix, diacritics folded)",
        searchResults,
        {
          query: searchQuerySchema,
        },
      ),
      "/api/path": get("Shortest paths between two actors through events", pathResult, {
        query: pathQuerySchema,
        errors: [400, 404],
      }),
      "/api/events/{id}": get("An event with participants and roles, place, date, topics and evidence", event, {
        path: eventParamsSchema,
        errors: [400, 404],
      }),
      "/api/edges/{source}/{target}": get("The encounters behind a met link, in time order", edgeEvents, {
        path: edgeParamsSchema,
        errors: [400, 404],
      }),
      "/api/articles/{id}": get("Article metadata and, when stored, its text", article, {
        path: articleParamsSchema,
        errors: [400, 404],
      }),
      "/api/stats": get("Node counts per label and relationship counts per type", stats, { errors: [] }),
      "/api/timeline": get("Events per month within the graph's filters", timeline, { query: graphQuery }),
      "/api/import": {
        post: {
          summary: "Load a file in the import format: validated in full, written whole or not at all",
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(importFileSchema, "input") } },
          },
          responses: {
            "200": { description: "Loaded; what was created or updated", ...json(importSummary) },
            ...errors(400, 401, 403, 409, 413, 415, 503),
          },
        },
      },
      "/api/import/schema": {
        get: {
          summary: "The import format as JSON Schema",
          responses: { "200": { description: "JSON Schema (draft 2020-12)", content: { "application/json": {} } } },
        },
      },
      "/api/query": op(
        "post",
        "Run a read-only Cypher query: {query, params} → {columns, rows, graph, truncated, elapsedMs, notifications}",
        [400, 408, 413, 415, 429, 504],
        true,
      ),
      "/api/query/schema": op("get", "Labels, relationship types and property keys, for autocompletion", []),
      "/api/saved": op("get", "Saved questions (cypher/saved/*.cypher): title, description, parameters", []),
      "/api/saved/{name}/run": op("post", "Run a saved question with {params}", [400, 404, 408, 429, 504], true, [
        "name",
      ]),
      "/api/snapshots": {
        ...op("get", "Recent snapshots, newest first", [400]),
        ...op(
          "post",
          "Store a view as an immutable snapshot: {title, note, graph, state} → {id, url} (id is a content hash)",
          [400, 413, 415, 429],
          true,
        ),
      },
      "/api/snapshots/{id}": {
        ...op("get", "A stored view (410 when taken down)", [400, 404, 410], false, ["id"]),
        ...op("delete", "Take a snapshot down (admin): {reason}", [400, 401, 403, 404], true, ["id"]),
      },
      "/api/snapshots/{id}/live": op(
        "get",
        "Re-run the snapshot's filters on today's data: nodes and edges added and removed",
        [400, 404, 410],
        false,
        ["id"],
      ),
      "/api/snapshots/{id}/export": op(
        "get",
        "Export as format=gexf|graphml|json|csv (csv: part=nodes|edges)",
        [400, 404, 410],
        false,
        ["id"],
      ),
      "/api/articles/preview": op(
        "post",
        "Extract actors, roles and meetings from {articles:[{text, file?}]} without writing; returns an import document",
        [400, 413, 415, 429],
        true,
      ),
      "/api/articles": op(
        "post",
        "Ingest articles ({articles} or an edited {document}) through the import path (admin)",
        [400, 401, 403, 413, 415, 429],
        true,
      ),
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
  };
}

/** Serves the document, built once per app. */
export function openApiRoutes({ config }: AppDeps): Router {
  const router = Router();
  const document = buildOpenApi(config.graphBudget);
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  return router;
}
