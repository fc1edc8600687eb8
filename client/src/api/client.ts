/**
 * API client
 * ==========
 *
 * The one fetch wrapper of the explorer, the review page and the console: JSON in and out, and every failure turned
 * into an ApiError carrying the server's code, message, details and Retry-After, so callers never parse bodies.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The `details` of the server's JSON error (zod issues, a Cypher error's position…), or null. */
    readonly details: unknown = null,
    /** The Retry-After header of a 429 or 503, or null. */
    readonly retryAfter: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A message for people, whatever was thrown. */
export function errorMessage(error: unknown, fallback = "Something went wrong."): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === "AbortError") return "Cancelled.";
  return fallback;
}

/** How `request` sends: the method, a body sent as JSON (none for reads), an abort signal, a bearer token. */
export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  token?: string | null;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Sends one API request and returns the parsed JSON answer, throwing ApiError on a non-2xx status. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, signal, token } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", "The Parley server cannot be reached. Is it running?");
  }
  const answer = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (answer as ErrorBody | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "HTTP_ERROR",
      error?.message ?? `The server answered ${response.status}.`,
      error?.details ?? null,
      response.headers.get("Retry-After"),
    );
  }
  return answer as T;
}

/** GETs JSON from the API, throwing ApiError on a non-2xx answer. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { signal });
}
