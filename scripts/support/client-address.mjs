// The client's address as the production server (scripts/serve.mjs) decides it, and where that
// server listens. Plain JavaScript, run by node without a build step; tests import it directly.
import net from "node:net";

/** Where a reverse proxy on the same machine connects from. */
const LOOPBACK = ["127.0.0.0/8", "::1/128"];

/** A setting the operator must fix; the server prints the message and stops. */
export class ServerSettingError extends Error {}

/** "::ffff:192.0.2.1" → "192.0.2.1": a dual-stack socket reports IPv4 peers in IPv6 form. */
export function plainAddress(address) {
  const trimmed = String(address ?? "").trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

const familyName = (address) => (net.isIP(address) === 6 ? "ipv6" : "ipv4");

/** One TRUSTED_PROXIES entry, an address or a CIDR block, into the list; a malformed one stops the start. */
function addTrustedEntry(list, entry) {
  const [address = "", prefix, ...rest] = entry.split("/");
  const plain = plainAddress(address);
  const family = net.isIP(plain);
  const bits = family === 6 ? 128 : 32;
  const prefixLength = prefix === undefined ? bits : Number(prefix);
  if (!family || rest.length > 0 || !/^\d+$/.test(prefix ?? String(bits)) || prefixLength > bits) {
    throw new ServerSettingError(
      `TRUSTED_PROXIES holds "${entry}", which is neither an address nor an address block (e.g. 10.0.0.5, 10.0.0.0/24, fd00::/64).`,
    );
  }
  list.addSubnet(plain, prefixLength, familyName(plain));
}

/**
 * The proxy settings, checked: TRUST_PROXY_HOPS (at most this many proxies are skipped; 0 = no
 * cap), TRUSTED_PROXIES (the only peers whose X-Forwarded-For is believed; loopback when hops are
 * given without a list, i.e. a proxy on the same machine) and HOSTNAME (the interface to listen on:
 * 127.0.0.1 by default once a proxy stands in front, so that nobody can reach the app around it;
 * every interface when none does).
 * @param {Record<string, string | undefined>} [env]
 */
export function readServerSettings(env = process.env) {
  const rawHops = env.TRUST_PROXY_HOPS?.trim() || "0";
  const maxHops = Number(rawHops);
  if (!/^\d+$/.test(rawHops) || !Number.isSafeInteger(maxHops)) {
    throw new ServerSettingError(`TRUST_PROXY_HOPS must be a whole number of proxies in front of the app (0 when none), not "${env.TRUST_PROXY_HOPS}".`);
  }
  const listed = String(env.TRUSTED_PROXIES ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const entries = listed.length === 0 && maxHops > 0 ? LOOPBACK : listed;
  const trusted = new net.BlockList();
  for (const entry of entries) addTrustedEntry(trusted, entry);
  const behindProxy = entries.length > 0;
  const hostname = env.HOSTNAME?.trim() || (behindProxy ? "127.0.0.1" : undefined);
  return { maxHops, trusted, trustedEntries: entries, hostname };
}

export function isTrustedProxy(address, settings) {
  return net.isIP(address) !== 0 && settings.trusted.check(address, familyName(address));
}

/**
 * The client's address: the connection's peer, unless the peer is a trusted proxy. Then the
 * X-Forwarded-For chain is walked from the right, each trusted hop skipped (at most maxHops), and
 * the first address no trusted proxy owns is the client. What a client writes into the header
 * itself lies left of the first untrusted hop and is never reached.
 */
export function decideClientAddress(peer, forwardedFor, settings) {
  let address = plainAddress(peer) || "unknown";
  const peerTrusted = isTrustedProxy(address, settings);
  const chain = String(forwardedFor ?? "").split(",").map(plainAddress).filter(Boolean);
  let skipped = 0;
  while (chain.length > 0 && isTrustedProxy(address, settings) && (settings.maxHops === 0 || skipped < settings.maxHops)) {
    const hop = chain.pop() ?? "";
    // A trusted proxy that wrote something other than an address: its own address is all we know.
    if (net.isIP(hop) === 0) break;
    address = hop;
    skipped += 1;
  }
  return { address, peerTrusted };
}

/** Requests with a forwarded header from one untrusted peer before the warning: a proxy, not a stray client. */
export const FORWARDED_FROM_ONE_PEER = 20;

/**
 * Notices a reverse proxy the settings do not name: with no trusted proxy, every visitor seems to be
 * the proxy, so one visitor's wrong passwords lock out everyone behind it. Returns a function that
 * takes each request's peer and headers and answers a warning, once, when FORWARDED_FROM_ONE_PEER
 * requests in a row carried X-Forwarded-For (or Forwarded) from the same address; otherwise null.
 */
export function watchForUnnamedProxy(settings, threshold = FORWARDED_FROM_ONE_PEER) {
  let peerSeen = null;
  let count = 0;
  let warned = settings.trustedEntries.length > 0;
  return (peer, headers) => {
    if (warned || !(headers["x-forwarded-for"] || headers.forwarded)) return null;
    const address = plainAddress(peer);
    count = address === peerSeen ? count + 1 : 1;
    peerSeen = address;
    if (count < threshold) return null;
    warned = true;
    return (
      `Warning: ${count} requests in a row arrived from ${address} with forwarded-client headers, but TRUST_PROXY_HOPS and ` +
      `TRUSTED_PROXIES are unset: every visitor behind that proxy counts as ${address} (one visitor's wrong passwords lock out ` +
      `the others). If ${address} is your reverse proxy, set TRUSTED_PROXIES=${address} (docs/DEPLOY.md, Configuration).`
    );
  };
}
