/**
 * Write requests
 * ==============
 *
 * JSON writes to the Parley API (article saves, curation) with the admin token, when one was given in this tab, and
 * people-readable messages for the 401/403 answers that writes get without admin rights.
 */
import { ApiError, request } from "./client";

const TOKEN_KEY = "parley-admin-token";

/** The admin token given in this tab, if any (session storage: it never outlives the tab). */
export function adminToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Remembers (or forgets, with an empty value) the admin token for this tab's writes. */
export function setAdminToken(token: string | null): void {
  try {
    if (token && token.trim()) sessionStorage.setItem(TOKEN_KEY, token.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled; writes then go without a token, which loopback servers accept.
  }
}

/** Sends `body` as JSON with `method` and the admin token; a refusal's first zod issues join its message. */
export async function sendJson<T>(
  method: "POST" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await request<T>(path, { method, body: body ?? {}, signal, token: adminToken() });
  } catch (error) {
    if (!(error instanceof ApiError) || !Array.isArray(error.details)) throw error;
    const details = (error.details as unknown[]).slice(0, 3).map(detailText).join("; ");
    throw new ApiError(error.status, error.code, `${error.message}: ${details}`, error.details, error.retryAfter);
  }
}

function detailText(detail: unknown): string {
  if (detail && typeof detail === "object") {
    const d = detail as { path?: unknown; message?: unknown };
    return [d.path, d.message].filter((x) => typeof x === "string").join(" ");
  }
  return String(detail);
}

/** True when the server refused a write for want of admin rights. */
export function needsAdmin(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/** The message to show for a failed write; 401/403 get an explanation of how writes are allowed. */
export function writeErrorMessage(error: unknown, fallback = "The change could not be saved."): string {
  if (needsAdmin(error)) {
    const e = error as ApiError;
    return `${e.message} Writes need an admin token: give the server's PARLEY_ADMIN_TOKEN below (kept for this tab only), or run the explorer on the server's own machine, where a server without tokens accepts writes from loopback.`;
  }
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === "AbortError") return "Cancelled.";
  // Local checks (nothing changed, nothing picked) throw plain errors with a message meant for people.
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
