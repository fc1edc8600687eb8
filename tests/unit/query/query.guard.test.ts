/**
 * Unit tests of the console's read-only guard: the lexer skips strings and comments, keywords count only where
 * Neo4j would parse them, procedures are checked against the allowlist.
 */
import { describe, expect, it } from "vitest";
import { calledProcedures, checkQuery, positionOf, tokenize } from "../../../server/modules/query/query.guard.js";

describe("query #guard lexer", () => {
  it("should keep strings, backticked names and parameters as single tokens", () => {
    const tokens = tokenize("MATCH (n:`My Label`) WHERE n.name = 'it''s \\' CREATE' AND n.x = $p RETURN n");
    expect(tokens.find((t) => t.kind === "quoted")?.value).toBe("My Label");
    expect(tokens.filter((t) => t.kind === "string")).toHaveLength(2);
    expect(tokens.find((t) => t.kind === "param")?.value).toBe("$p");
  });

  it("should skip line and block comments", () => {
    const words = tokenize("MATCH (n) // CREATE\n/* DELETE */ RETURN n")
      .filter((t) => t.kind === "word")
      .map((t) => t.value);
    expect(words).toEqual(["MATCH", "n", "RETURN", "n"]);
  });

  it("should read ranges in variable-length patterns", () => {
    const values = tokenize("MATCH p=()-[*1..3]-() RETURN p").map((t) => t.value);
    expect(values).toContain("1");
    expect(values).toContain("3");
  });

  it("should fail on unterminated strings and comments", () => {
    expect(checkQuery("RETURN 'abc")?.code).toBe("CYPHER_ERROR");
    expect(checkQuery("RETURN 1 /* open")?.code).toBe("CYPHER_ERROR");
    expect(checkQuery("RETURN `abc")?.code).toBe("CYPHER_ERROR");
  });

  it("should locate offsets by line and column", () => {
    expect(positionOf("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

describe("query #guard checks", () => {
  // Read queries analysts write; none may be refused.
  const reads = [
    "MATCH (n:Person) RETURN n LIMIT 10",
    "MATCH (n) WHERE n.name CONTAINS 'CREATE' RETURN n",
    "MATCH (n) RETURN n.set AS s, n.delete AS d",
    "MATCH (create:Person) RETURN count(*) AS people",
    "RETURN {merge: 1, remove: 2} AS m",
    "MATCH (n) // DELETE n\nRETURN n",
    "MATCH (n) RETURN n;",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.schema.visualization()",
    "CALL db.index.fulltext.queryNodes('entity_names', 'Rouhani') YIELD node RETURN node",
    "MATCH (a) CALL (a) { MATCH (a)--(b) RETURN count(b) AS c } RETURN a, c",
    "MATCH (a) CALL { WITH a RETURN 1 AS one } RETURN a, one",
    "RETURN 'a;b' AS semicolon",
    "MATCH p = shortestPath((a)-[*..5]-(b)) RETURN p",
  ];
  it.each(reads)("should let %s through", (query) => {
    expect(checkQuery(query)).toBeNull();
  });

  // Provenance: the attack list of issue 6, plus variants hiding keywords from naive regexes.
  const refused: [string, string][] = [
    ["CREATE (n)", "READ_ONLY"],
    ["merge (n:X)", "READ_ONLY"],
    ["MATCH (n) SET n.x = 1", "READ_ONLY"],
    ["MATCH (n) DETACH DELETE n", "READ_ONLY"],
    ["MATCH (n) REMOVE n:Person", "READ_ONLY"],
    ["MATCH (n) FOREACH (x IN [1] | CREATE ())", "READ_ONLY"],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "READ_ONLY"],
    ["USE system SHOW DATABASES", "READ_ONLY"],
    ["SHOW USERS", "READ_ONLY"],
    ["CREATE INDEX i FOR (n:X) ON (n.y)", "READ_ONLY"],
    ["DROP CONSTRAINT c", "READ_ONLY"],
    ["MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS", "READ_ONLY"],
    ["RETURN 1; RETURN 2", "READ_ONLY"],
    ["RETURN 1 /* ; */ ; MATCH (n) RETURN n", "READ_ONLY"],
    ["MATCH (n)/**/SET n.x=1", "READ_ONLY"],
    ["MATCH (n)\u3000SET n.x=1", "READ_ONLY"],
    ["MATCH (n) ＳＥＴ n.x = 1", "READ_ONLY"],
    ["PROFILE MATCH (n) RETURN n", "READ_ONLY"],
    ["CALL dbms.listConfig()", "PROCEDURE_NOT_ALLOWED"],
    ["CALL db.createLabel('X')", "PROCEDURE_NOT_ALLOWED"],
    ["CALL `db`.`createLabel`('X')", "PROCEDURE_NOT_ALLOWED"],
    ["CALL db . createLabel('X')", "PROCEDURE_NOT_ALLOWED"],
    ["CALL apoc.cypher.runWrite('CREATE ()', {})", "PROCEDURE_NOT_ALLOWED"],
    ["CALL db.labels() YIELD label CALL db.clearQueryCaches() RETURN label", "PROCEDURE_NOT_ALLOWED"],
    ["x".repeat(20_001), "QUERY_TOO_LONG"],
    ["   // only a comment", "CYPHER_ERROR"],
  ];
  it.each(refused)("should refuse %s with %s", (query, code) => {
    const rejection = checkQuery(query);
    expect(rejection?.code).toBe(code);
    expect(rejection?.message.length).toBeGreaterThan(10);
  });

  it("should name every procedure a query calls", () => {
    expect(
      calledProcedures(tokenize("CALL db.labels() YIELD label CALL `db`.`propertyKeys`() YIELD propertyKey RETURN *")),
    ).toEqual(["db.labels", "db.propertyKeys"]);
  });
});
