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

/** GETs JSON from the API, throwing ApiError on a non-2xx answer. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  } catch {
    throw new ApiError(0, "NETWORK", "The Parley server cannot be reached. Is it running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "HTTP_ERROR", error?.message ?? `The server answered ${response.status}.`);
  }
  return body as T;
}
