/**
 * Trusted reverse proxies
 * =======================
 *
 * `PARLEY_TRUST_PROXY` says which hops in front of Parley may report the client's address (as Express's
 * `trust proxy`): a hop count, or addresses, subnets and the names `loopback`, `linklocal`, `uniquelocal`. Unset,
 * no proxy is trusted and the socket's address is the client's. Whatever is trusted, a request that carries a
 * forwarding header never counts as coming from this machine (server/http/access.ts).
 */
import { isIP } from "node:net";

/** What Express's `trust proxy` receives: false (none), a hop count, or a list of addresses and subnets. */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** Headers by which a proxy says on whose behalf it speaks; any of them makes a request "forwarded". */
export const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"] as const;

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses `PARLEY_TRUST_PROXY`; returns an error message instead of a value when it is wrong. `true` is refused on
 * purpose: trusting every hop lets any client write its own address into X-Forwarded-For.
 */
export function parseTrustProxy(
  value: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return { ok: true, value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return { ok: true, value: hops };
    return {
      ok: false,
      message: `${text} hops is more proxies than any setup has; give the count (1 for one proxy) or addresses`,
    };
  }
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (wrong.length === 0 && entries.length > 0) return { ok: true, value: entries };
  return {
    ok: false,
    message:
      `${wrong.map((w) => JSON.stringify(w)).join(", ") || JSON.stringify(text)} is not a hop count or a proxy address; ` +
      "use the number of proxies in front of Parley (e.g. 1), or their addresses and subnets separated by commas " +
      "(e.g. loopback or 10.0.0.0/8, 192.0.2.7); `true` is not accepted because it trusts whatever a client claims",
  };
}

/** True when the request names a client other than the socket's peer, through any forwarding header. */
export function isForwarded(headers: Record<string, string | string[] | undefined>): boolean {
  return FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
}
