/**
 * Vite config: builds the explorer from client/ into dist/client; in dev, proxies /api to the server.
 */
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  base: "/",
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: "es" },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:3000" } },
});
