/**
 * Test database
 * =============
 *
 * Starts one real embedded Neo4j for the run, on free ports, without auth (loopback only), in a throwaway folder
 * under `.parley/`, and removes it afterwards. Never uses NEO4J_URI: only PARLEY_TEST_NEO4J_URI may point the
 * tests at another server.
 */
import type { TestProject } from "vitest/node";
import { type ThrowawayNeo4j, startThrowawayNeo4j } from "../server/db/embedded/throwaway.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.PARLEY_TEST_NEO4J_URI;
  let embedded: ThrowawayNeo4j | null = null;
  let uri: string;
  if (external) {
    uri = external;
  } else {
    const started = Date.now();
    embedded = await startThrowawayNeo4j({ purpose: "test", log: (line) => console.error(`[test neo4j] ${line}`) });
    uri = embedded.uri;
    console.error(`[test neo4j] ready at ${uri} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  project.provide("neo4jUri", uri);
  return async () => {
    await embedded?.dispose();
  };
}
