/**
 * Query history
 * =============
 *
 * The last queries run in this browser, newest first, kept in localStorage (never sent anywhere). Storage that is
 * full or disabled (private windows) only loses the history, never the console.
 */

/** One remembered query. */
export interface HistoryEntry {
  query: string;
  params: string;
  at: string;
}

const KEY = "parley.console.history";
const MAX_ENTRIES = 50;

/** The remembered queries, newest first. */
export function readHistory(storage: Storage | null = safeStorage()): HistoryEntry[] {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? parsed.filter((e): e is HistoryEntry => typeof e?.query === "string") : [];
  } catch {
    return [];
  }
}

/** Remembers a query (moving a repeated one to the top) and returns the new list. */
export function pushHistory(query: string, params: string, storage: Storage | null = safeStorage()): HistoryEntry[] {
  const entries = [
    { query, params, at: new Date().toISOString() },
    ...readHistory(storage).filter((e) => e.query !== query || e.params !== params),
  ];
  const kept = entries.slice(0, MAX_ENTRIES);
  try {
    storage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Quota exceeded: keep the console working without history.
  }
  return kept;
}

/** Forgets every remembered query. */
export function clearHistory(storage: Storage | null = safeStorage()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to do without storage.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
