/**
 * Addresses a fetch may reach
 * ===========================
 *
 * Fetching a URL on a user's behalf must never reach this machine or its network (the admin console of a router, a
 * cloud metadata service, Neo4j itself): loopback, private, link-local, shared (CGNAT), multicast, reserved and
 * unspecified addresses are refused, in whatever notation they arrive. Addresses are parsed here rather than matched
 * as text, so `2130706433`, `0x7f.1`, `017700000001`, `[::ffff:127.0.0.1]`, `[::ffff:7f00:1]` and `0.0.0.0` are all
 * recognised for what they are. The fetcher checks the address it actually connects to (news.fetch.ts), so a name
 * that resolves to a public address once and a private one later (DNS rebinding) is caught too.
 */
import { isIP } from "node:net";

/** Why an address is refused, or null when it is public. */
export type AddressVerdict = string | null;

/**
 * Reads an IPv4 address in any notation `inet_aton` accepts: dotted quads, fewer parts (`127.1`), decimal
 * (`2130706433`), octal (`0177.0.0.1`) and hex (`0x7f.0.0.1`) parts. Null when it is not one.
 */
export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length === 0 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part, 8);
    else if (/^(0|[1-9]\d*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isFinite(value)) return null;
    values.push(value);
  }
  // The last part fills the bytes the earlier ones left: a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits).
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
  let address = 0;
  values.forEach((v, i) => (address += v * 2 ** (8 * (3 - i))));
  return address + last;
}

/** Reads an IPv6 address (with `::`, an embedded dotted quad, a zone or brackets) into its eight 16-bit groups. */
export function parseIPv6(text: string): number[] | null {
  let body = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIP(body) !== 6) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!);
    if (v4 === null) return null;
    body = `${body.slice(0, -dotted[1]!.length)}${((v4 >>> 16) & 0xffff).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = body.includes("::") ? body.split("::") : [body, undefined];
  const groups = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const all = [...left, ...fill, ...right];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

/** IPv4 ranges never fetched: [first address, prefix length, what it is]. */
const IPV4_REFUSED: [string, number, string][] = [
  ["0.0.0.0", 8, "an unspecified address ('this network')"],
  ["10.0.0.0", 8, "a private address"],
  ["100.64.0.0", 10, "a shared (carrier-grade NAT) address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["169.254.0.0", 16, "a link-local address"],
  ["172.16.0.0", 12, "a private address"],
  ["192.0.0.0", 24, "a reserved (IETF protocol) address"],
  ["192.168.0.0", 16, "a private address"],
  ["198.18.0.0", 15, "a reserved (benchmarking) address"],
  ["224.0.0.0", 4, "a multicast address"],
  ["240.0.0.0", 4, "a reserved address"],
];

const IPV4_RANGES = IPV4_REFUSED.map(([first, bits, why]) => ({ first: parseIPv4(first)!, bits, why }));

/** Why an IPv4 address (as a 32-bit number) is refused, or null. */
export function refusedIPv4(address: number): AddressVerdict {
  for (const { first, bits, why } of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    if (address >= first && address < first + size) return why;
  }
  return null;
}

/** The IPv4 address an IPv6 one carries in its last 32 bits. */
const embeddedV4 = (g: number[]) => g[6]! * 0x10000 + g[7]!;

/** Why an IPv6 address (eight groups) is refused, or null. */
export function refusedIPv6(g: number[]): AddressVerdict {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return "an unspecified address (::)";
  if (zeros(7) && g[7] === 1) return "a loopback address (::1)";
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach the IPv4 address.
  if (zeros(5) && (g[5] === 0xffff || g[5] === 0)) {
    const why = refusedIPv4(embeddedV4(g));
    return why ? `${why} (written as IPv6)` : null;
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address a gateway may forward to.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const why = refusedIPv4(embeddedV4(g));
    return why ? `${why} (behind NAT64)` : null;
  }
  if (g[0] === 0x2002) {
    const why = refusedIPv4(g[1]! * 0x10000 + g[2]!);
    return why ? `${why} (behind 6to4)` : null;
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return "a private (unique local) address";
  if ((g[0]! & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g[0]! & 0xffc0) === 0xfec0) return "a site-local address";
  if ((g[0]! & 0xff00) === 0xff00) return "a multicast address";
  return null;
}

/**
 * Why an IP address (any notation of IPv4, or IPv6 with or without brackets) may not be fetched, or null when it is
 * a public address. Text that is not an IP address at all gives null: names are checked once resolved.
 */
export function refusedAddress(text: string): AddressVerdict {
  const v6 = text.includes(":") ? parseIPv6(text) : null;
  if (v6) return refusedIPv6(v6);
  const v4 = parseIPv4(text);
  return v4 === null ? null : refusedIPv4(v4);
}

/** True when a host name is written as an IP address (any IPv4 notation, or IPv6), rather than a name to resolve. */
export function isAddressLiteral(host: string): boolean {
  return (host.includes(":") && parseIPv6(host) !== null) || parseIPv4(host) !== null;
}
