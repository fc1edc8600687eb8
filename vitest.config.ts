/**
 * Vitest: unit tests run in parallel without a database; integration and e2e tests share one real Neo4j
 * (started once by tests/global-setup.ts) and therefore run one file at a time. Test files share their workers'
 * module cache (`isolate: false`): no test mocks modules or changes the environment, and importing the server's
 * modules afresh for each of a hundred files cost about a minute of CPU per run.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "db",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/global-setup.ts"],
          fileParallelism: false,
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
