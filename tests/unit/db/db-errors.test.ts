/**
 * Driver errors as users read them: a down database, a deadlock and an overloaded read are 503s that say what to do,
 * never "an unexpected error".
 */
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { DEADLOCK_CODE, UnavailableError, translateDbError } from "../../../server/errors.js";

describe("translateDbError", () => {
  it("should turn a deadlock that outlived the retries into a 503 that names it and says what to do", () => {
    const error = translateDbError(new Neo4jError("ForsetiClient[2] can't acquire …", DEADLOCK_CODE, "", ""));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).status).toBe(503);
    expect((error as Error).message).toMatch(/deadlock/);
    expect((error as Error).message).toMatch(/retry/i);
  });

  it("should keep the database-down message for a lost connection and leave other errors alone", () => {
    const down = translateDbError(new Neo4jError("no route", "ServiceUnavailable", "", ""));
    expect((down as Error).message).toMatch(/not reachable/);
    const syntax = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(translateDbError(syntax)).toBe(syntax);
  });
});
