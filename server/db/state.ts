/**
 * Parley's state in the database
 * ==============================
 *
 * One `ParleyState` node, outside the graph, holds what the server and the command-line tools must agree on
 * although they are separate processes: whether the server has finished preparing the database (schema, recovery,
 * sample data), and the data version that every write moves on (db/database.ts) and that backups compare.
 */
import type { Integer, Record as Neo4jRecord } from "neo4j-driver";
import { cypher } from "./cypher.js";
import type { Database } from "./database.js";
import { toNumber } from "./values.js";

export interface StoredState {
  /** False while the server prepares the database; null when no server has recorded anything yet. */
  ready: boolean | null;
  /** What the server is doing ("applying the schema", "loading the sample data", "ready"). */
  phase: string | null;
  /** When the server recorded `ready` and `phase` (ISO date-time). */
  since: string | null;
  /** Moves on with every write through Parley. */
  version: number;
  /** Batched statements running now (each commits in many transactions). */
  writers: number;
}

/** A record of queries/state/read. */
interface StateRecord {
  ready: boolean | null;
  phase: string | null;
  since: string | null;
  version: Integer | null;
  writers: Integer | null;
}

/** Reads the stored state (an empty state when there is none yet). */
export async function readState(db: Database): Promise<StoredState> {
  const [row] = await db.read(cypher("queries/state/read"), {}, (r: Neo4jRecord<StateRecord>) => ({
    ready: r.get("ready"),
    phase: r.get("phase"),
    since: r.get("since"),
    version: toNumber(r.get("version") ?? 0),
    writers: toNumber(r.get("writers") ?? 0),
  }));
  return row ?? { ready: null, phase: null, since: null, version: 0, writers: 0 };
}

/** Records how far the server's preparation has come; `starting` also clears a dead process's writer count. */
export async function recordPhase(
  db: Database,
  phase: string,
  options: { ready?: boolean; starting?: boolean } = {},
): Promise<void> {
  await db.writeTx((tx) =>
    tx.run(cypher("queries/state/mark"), {
      phase,
      ready: options.ready ?? false,
      starting: options.starting ?? false,
    }),
  );
}

/** How long a command-line tool waits for the server's preparation before it gives up. */
const CLI_READY_WAIT_MS = 10 * 60_000;
/** A preparation recorded longer ago than this belongs to a server that stopped half-way: not waited for. */
const STALE_PHASE_MS = 30 * 60_000;

/**
 * Waits until the server has prepared the database, reporting on stderr what it waits for. A database that no server
 * has prepared (none recorded, or a phase left by a server that stopped long ago) is used as it is.
 */
export async function waitForServerReady(
  db: Database,
  report: (message: string) => void,
  signal: AbortSignal = AbortSignal.timeout(CLI_READY_WAIT_MS),
): Promise<void> {
  let reported = "";
  for (;;) {
    const state = await readState(db);
    const stale = state.since !== null && Date.now() - Date.parse(state.since) > STALE_PHASE_MS;
    if (state.ready !== false || stale) return;
    const message = `Waiting for the Parley server to prepare the database (${state.phase ?? "starting"})…`;
    if (message !== reported) report(message);
    reported = message;
    if (signal.aborted) {
      throw new Error(
        `The Parley server has not finished preparing the database (${state.phase ?? "starting"}); ` +
          "look at the server's log, or stop it and try again.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
