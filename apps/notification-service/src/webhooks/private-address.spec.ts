import { isPrivateAddress } from './private-address';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback, all of 127/8'],
    ['10.0.0.1', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918, top of 172.16/12'],
    ['192.168.1.1', 'RFC 1918'],
    ['169.254.169.254', 'link-local: AWS, GCP, Azure, Tencent metadata'],
    ['100.100.100.200', 'CGNAT: Alibaba Cloud metadata'],
    ['0.0.0.0', '"this host": reaches loopback on Linux'],
    ['0.1.2.3', '"this network"'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'unique local: AWS metadata over IPv6'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with a zone id, as a resolver may answer'],
    ['[::1]', 'as URL.hostname writes it'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback, dotted'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, as the URL parser normalises it'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata address'],
    ['0:0:0:0:0:ffff:0a00:0001', 'IPv4-mapped 10.0.0.1, uncompressed'],
    ['64:ff9b::10.0.0.1', 'NAT64 of a private IPv4 address'],
    ['::7f00:1', 'IPv4-compatible (deprecated)'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'Teredo'],
    ['localhost', 'not an address: cannot be vouched for'],
    ['2130706433', 'not an address as a string; the URL parser makes it 127.0.0.1 first'],
  ])('%s is private (%s)', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    ['223.5.5.5', 'public DNS'],
    ['114.114.114.114', 'public DNS'],
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.0', 'just above 172.16/12'],
    ['100.63.255.255', 'just below CGNAT'],
    ['2408:8000::1', 'global unicast (China Unicom)'],
    ['2400:3200::1', 'global unicast (Alibaba public DNS)'],
    ['::ffff:223.5.5.5', 'IPv4-mapped public address'],
    ['64:ff9b::df05:505', 'NAT64 of a public IPv4 address (DNS64 networks)'],
    ['[2400:3200::1]', 'as URL.hostname writes it'],
  ])('%s is public (%s)', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});
