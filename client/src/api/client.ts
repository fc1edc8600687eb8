/**
 * API client
 * ==========
 *
 * Typed fetch for the Parley API; failures become ApiError with the server's code and message.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** True when the endpoint does not exist (yet) on this server, so callers may fall back to client-side work. */
export function isMissingEndpoint(error: unknown): boolean {
  // The server's JSON 404 for unknown routes says "No route for …"; a 404 for an unknown id says something else.
  return (
    error instanceof ApiError &&
    ((error.status === 404 && error.message.startsWith("No route")) || error.status === 501)
  );
}

/** A message for people, whatever was thrown. */
export function errorMessage(error: unknown, fallback = "Something went wrong."): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === "AbortError") return "Cancelled.";
  return fallback;
}

/** GETs JSON from the API, throwing ApiError on a non-2xx answer. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "NETWORK", "The Parley server cannot be reached. Is it running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "HTTP_ERROR",
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return body as T;
}
