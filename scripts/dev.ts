/**
 * npm run dev
 * ===========
 *
 * The server with reload on change (tsx watch) and Vite's dev server for the explorer (http://127.0.0.1:5173,
 * proxying /api to the server). Ctrl+C stops both, and the embedded Neo4j with them.
 */
import { spawn } from "node:child_process";
import { parseCli } from "./cli.js";

parseCli({
  name: "dev",
  usage:
    "usage: npm run dev\n  the server with reload on change, and Vite's dev server at http://127.0.0.1:5173; Ctrl-C stops both",
  options: {},
});

const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "server/main.ts"], { stdio: "inherit" }),
  spawn("npx", ["vite", "--host", "127.0.0.1"], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", stop);
