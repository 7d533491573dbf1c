import { BlockList, isIP } from 'node:net';

/**
 * IPv4 ranges a webhook must not reach: IANA's special-purpose blocks that are not globally reachable — loopback,
 * RFC 1918, link-local (cloud metadata at 169.254.169.254), CGNAT (Alibaba Cloud's metadata is 100.100.100.200),
 * "this network", benchmarking, documentation, multicast and reserved.
 */
const PRIVATE_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

/**
 * IPv6 is judged by allow-list: only global unicast (2000::/3) passes, which already excludes ::, ::1, fc00::/7
 * (unique local, e.g. AWS metadata fd00:ec2::254), fe80::/10, multicast and the deprecated IPv4-compatible form.
 * Inside 2000::/3 these are still refused: Teredo, benchmarking, ORCHID, documentation and 6to4 (whose tunnels
 * can carry a private IPv4 address).
 */
const SPECIAL_GLOBAL_V6 = [
  ['2001::', 32],
  ['2001:2::', 48],
  ['2001:10::', 28],
  ['2001:20::', 28],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
] as const;

/** Forms that carry an IPv4 address in their last 32 bits, judged by it: IPv4-mapped and well-known NAT64. */
const EMBEDS_V4 = [
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
] as const;

function blockList(type: 'ipv4' | 'ipv6', subnets: readonly (readonly [string, number])[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}

const privateV4 = blockList('ipv4', PRIVATE_V4);
const globalV6 = blockList('ipv6', [['2000::', 3]]);
const specialV6 = blockList('ipv6', SPECIAL_GLOBAL_V6);
const embedsV4 = blockList('ipv6', EMBEDS_V4);

/** The eight 16-bit words of a valid IPv6 address, whether its tail is written in hex or as a dotted quad. */
function words(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const gap = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...gap, ...right].map((w) => parseInt(w, 16));
}

/**
 * True when `ip` is not a public unicast address, so a webhook must not be sent there. Anything that is not an IP
 * address at all counts as private: the caller cannot vouch for it.
 */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/^\[(.*)\]$/, '$1').split('%')[0]; // URL brackets; a zone id (fe80::1%eth0)
  switch (isIP(address)) {
    case 4:
      return privateV4.check(address, 'ipv4');
    case 6: {
      if (embedsV4.check(address, 'ipv6')) {
        const [, , , , , , high, low] = words(address);
        return privateV4.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
      }
      return !globalV6.check(address, 'ipv6') || specialV6.check(address, 'ipv6');
    }
    default:
      return true;
  }
}
