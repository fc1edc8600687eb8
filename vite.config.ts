/**
 * Vite config: builds the explorer from client/ into dist/client (recording what it read, scripts/client-build.ts);
 * in dev, proxies /api to the server.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { recordBuildInputs } from "./scripts/client-build.js";

const page = (name: string) => fileURLToPath(new URL(`./client/${name}`, import.meta.url));

export default defineConfig({
  root: "client",
  base: "/",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Two pages: the explorer, and the suggestions review page served at /review (server/app.ts).
    rolldownOptions: { input: { main: page("index.html"), review: page("review.html") } },
  },
  // dist/client-build.json: the files this build read, for npm start and the e2e tests to tell when it is stale.
  plugins: [recordBuildInputs()],
  worker: { format: "es" },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:3000" } },
});
