/**
 * Console API
 * ===========
 *
 * Typed calls to the console endpoints (`/api/query`, `/api/query/schema`, `/api/saved`); failures become a
 * ConsoleError carrying the server's code, message and, for Cypher errors, the position in the query.
 */
import type { QueryResultDto, QuerySchemaDto, SavedQuestionsDto } from "../../../../contracts/query";

/** A refused or failed console request, as the server explained it. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly position: { line: number; column: number } | null = null,
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { position?: { line: number; column: number } | null } };
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ConsoleError(0, "NETWORK", "The Parley server cannot be reached. Is it running?");
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    const retry = response.headers.get("Retry-After");
    const message = error?.message ?? `The server answered ${response.status}.`;
    throw new ConsoleError(
      response.status,
      error?.code ?? "HTTP_ERROR",
      response.status === 429 && retry && !message.includes("Retry") ? `${message} Retry in ${retry} s.` : message,
      error?.details?.position ?? null,
    );
  }
  return body as T;
}

/** Runs a console query. */
export function runQuery(
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<QueryResultDto> {
  return call("/api/query", { method: "POST", body: JSON.stringify({ query, params }), signal });
}

/** Runs a saved question with the form's values. */
export function runSaved(name: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<QueryResultDto> {
  return call(`/api/saved/${encodeURIComponent(name)}/run`, {
    method: "POST",
    body: JSON.stringify({ params }),
    signal,
  });
}

/** Lists the saved questions. */
export function listSaved(signal?: AbortSignal): Promise<SavedQuestionsDto> {
  return call("/api/saved", { signal });
}

/** Labels, relationship types and property keys for completion. */
export function fetchSchema(signal?: AbortSignal): Promise<QuerySchemaDto> {
  return call("/api/query/schema", { signal });
}
