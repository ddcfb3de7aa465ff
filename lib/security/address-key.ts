import { isIPv4, isIPv6 } from "node:net";

/**
 * The part of a client address that limits are keyed on. One IPv6 host usually holds a whole /64
 * (and can pick any address inside it at will), so an IPv6 address counts as its /64 prefix; an
 * IPv4-mapped IPv6 address ("::ffff:192.0.2.1") counts as the IPv4 address it carries.
 */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, each without leading zeros. */
function expandIPv6(address: string): string[] {
  const withoutIPv4Tail = address.replace(/(\d{1,3}(?:\.\d{1,3}){3})$/, (ipv4) => {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4.split(".").map(Number);
    return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  });
  const [head = "", tail] = withoutIPv4Tail.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group || "0", 16).toString(16));
}
