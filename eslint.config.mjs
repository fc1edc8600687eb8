// Parley lint: recommended + typescript-eslint + prettier (formatting is Prettier's job), each layer with its own
// globals, and the dependency rules between layers (docs/architecture.md): a file may not import from a layer it
// must not know. Cycles, type-only imports included, are caught by tests/unit/architecture/import-cycles.test.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

/**
 * A layer rule: `files` may not import from the top-level folders `forbidden`. Imports are relative, so a specifier
 * that climbs out with ../ and then names one of those folders leaves the layer for it.
 */
function layer(name, files, forbidden, why) {
  return {
    name: `parley/layers/${name}`,
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join("|")})/`,
              message: `${name} may not import from ${forbidden.join(", ")}: ${why}`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".parley/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "no-console": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Node's globals everywhere but the explorer; the browser's where code runs in one: the explorer, and the tests
  // and bench pages that drive it. (The TypeScript projects draw the same line for types.)
  { ignores: ["client/**"], languageOptions: { globals: globals.node } },
  { files: ["client/**", "tests/**"], languageOptions: { globals: globals.browser } },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
  layer(
    "contracts/",
    ["contracts/**"],
    ["server", "client", "extractor", "scripts", "tests"],
    "the contract is shared by both sides and depends on neither",
  ),
  layer(
    "extractor/",
    ["extractor/**"],
    ["server", "client", "scripts", "tests"],
    "the extractor reads text and knows nothing of where its results go",
  ),
  layer(
    "client/",
    ["client/**"],
    ["server", "extractor", "scripts", "tests"],
    "the explorer reaches the server only over HTTP; request and response types come from contracts/",
  ),
  layer(
    "server/",
    ["server/**"],
    ["client", "scripts", "tests"],
    "shared types live in contracts/, tools and test helpers call the server, not the other way round",
  ),
);
