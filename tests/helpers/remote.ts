/**
 * Test helpers: a request from another machine
 * ============================================
 *
 * Writes are open to loopback only unless an admin token is set; these tests need requests that do not come from
 * loopback, without leaving the machine.
 */
import express from "express";

/** Wraps the app so that every request looks as if it came from another machine. */
export function fromAnotherMachine(app: express.Express): express.Express {
  const outer = express();
  outer.use((req, _res, next) => {
    Object.defineProperty(req.socket, "remoteAddress", { value: "203.0.113.9", configurable: true });
    next();
  });
  outer.use(app);
  return outer;
}
