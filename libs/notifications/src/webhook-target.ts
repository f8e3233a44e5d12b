import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, LookupFunction } from 'node:net';
import { badInput } from '@app/core';

/**
 * Addresses a webhook may never reach unless WEBHOOK_ALLOW_PRIVATE is set: this host, the private
 * networks behind it, link-local (cloud metadata at 169.254.169.254, fd00:ec2::254), carrier NAT,
 * multicast and reserved ranges. IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as its IPv4 form.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/** NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits: judged as that address. */
function embeddedIpv4(address: string): string | null {
  const m = /^64:ff9b::(?:([0-9a-f]{1,4}):([0-9a-f]{1,4})|(\d+\.\d+\.\d+\.\d+))$/i.exec(address);
  if (!m) return null;
  if (m[3]) return m[3];
  const n = (parseInt(m[1], 16) << 16) | parseInt(m[2], 16);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True for an address a webhook must not reach (loopback, private, link-local, metadata, reserved). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const v4 = embeddedIpv4(address);
  return v4 ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(address, 'ipv6');
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
/** The system resolver (what a connection would use), every address of the name. */
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export class BlockedTargetError extends Error {
  override name = 'BlockedTargetError';
}

/** The host of a URL as a bare name or address (IPv6 without brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Resolves a webhook's host once and checks every address it has: one blocked address refuses
 * the target (a name that also points inside is not a name to trust). Returns the address to
 * connect to, so the connection goes exactly where the check looked (no second lookup that a
 * rebinding DNS server could answer differently).
 */
export async function resolveTarget(
  url: URL,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlockedTargetError(`${url.protocol} is not http(s)`);
  const host = hostOf(url);
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (!addresses.length) throw new Error(`${host} has no address`);
  const blocked = addresses.find((a) => isBlockedAddress(a.address));
  if (blocked && !allowPrivate)
    throw new BlockedTargetError(`${host} resolves to ${blocked.address}, a private, loopback or link-local address`);
  return addresses[0];
}

/** A `lookup` for http(s).request that answers with the address already resolved and checked. */
export function pinnedLookup(target: { address: string; family: number }): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

/**
 * At registration: the URL is http(s) and its host is not, and does not resolve to, an address a
 * webhook may not reach. A name that does not resolve yet is accepted (DNS may come later); every
 * delivery checks again after its own lookup. BAD_USER_INPUT otherwise.
 */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
  timeoutMs = 3000,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput('url must be an http(s) URL', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badInput('url must be an http(s) URL', { field: 'url' });
  if (url.username || url.password)
    throw badInput('url must not carry credentials: use the signing secret', { field: 'url' });
  if (allowPrivate) return;
  const host = hostOf(url);
  if (/^localhost$|\.localhost$/i.test(host.replace(/\.$/, '')))
    throw badInput('url must not point at this host', { field: 'url' });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('DNS lookup timed out')), timeoutMs)),
  );
  try {
    await Promise.race([resolveTarget(url, false, resolve), timeout]);
  } catch (error) {
    if (error instanceof BlockedTargetError)
      throw badInput(`url must be a public address: ${error.message}`, { field: 'url' });
    // Not resolvable now: accepted, the delivery checks again.
  } finally {
    clearTimeout(timer);
  }
}
