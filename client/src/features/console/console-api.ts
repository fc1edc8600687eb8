/**
 * Console API
 * ===========
 *
 * Typed calls to the console endpoints (`/api/query`, `/api/query/schema`, `/api/saved`) through the one API
 * client; a refusal is an ApiError whose message says when to retry (429) and whose details, for Cypher errors,
 * hold the position in the query (`queryErrorPosition`).
 */
import type { QueryPosition, QueryResultDto, QuerySchemaDto, SavedQuestionsDto } from "../../../../contracts/query";
import { ApiError, type RequestOptions, request } from "../../api/client";

/** Where in the query a failed console request's error is, when the server said. */
export function queryErrorPosition(error: ApiError): QueryPosition | null {
  const details = error.details as { position?: QueryPosition | null } | null;
  return details?.position ?? null;
}

/** `request`, with "Retry in N s." added to a 429's message when the server's message does not already say so. */
async function call<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await request<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 429 || !error.retryAfter || error.message.includes("Retry"))
      throw error;
    const message = `${error.message} Retry in ${error.retryAfter} s.`;
    throw new ApiError(error.status, error.code, message, error.details, error.retryAfter);
  }
}

/** Runs a console query. */
export function runQuery(
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<QueryResultDto> {
  return call("/api/query", { method: "POST", body: { query, params }, signal });
}

/** Runs a saved question with the form's values. */
export function runSaved(name: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<QueryResultDto> {
  return call(`/api/saved/${encodeURIComponent(name)}/run`, { method: "POST", body: { params }, signal });
}

/** Lists the saved questions. */
export function listSaved(signal?: AbortSignal): Promise<SavedQuestionsDto> {
  return call("/api/saved", { signal });
}

/** Labels, relationship types and property keys for completion. */
export function fetchSchema(signal?: AbortSignal): Promise<QuerySchemaDto> {
  return call("/api/query/schema", { signal });
}
