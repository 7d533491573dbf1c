import type { LookupAddress } from 'node:dns';
import { publicOnlyLookup, refuseTarget, TargetBlocked, type TargetPolicy } from './webhook-target';

const production: TargetPolicy = { allowPrivate: false, requireHttps: true };
const development: TargetPolicy = { allowPrivate: true, requireHttps: false };
const refuse = (url: string, policy = production) => refuseTarget(new URL(url), policy);

describe('refuseTarget', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://2130706433/hook', // decimal: the URL parser makes it 127.0.0.1
    'https://0177.0.0.1/hook', // octal
    'https://0x7f.1/hook', // hex, short form
    'https://127.1/hook',
    'https://0/hook', // 0.0.0.0
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook', // becomes [::ffff:7f00:1]
    'https://169.254.169.254/latest/meta-data/',
    'https://169.254.169.254./latest/meta-data/', // trailing dot
    'https://100.100.100.200/latest/meta-data/',
    'https://10.20.30.40:8443/hook',
    'https://[fd00:ec2::254]/',
    'https://localhost/hook',
    'https://localhost./hook',
    'https://LOCALHOST/hook',
    'https://ⓛocalhost/hook', // IDNA maps it to localhost
    'https://erp.localhost/hook',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://printer.local/',
    'https://intranet/hook', // single label: completed by the resolver's search domains
  ])('refuses %s', (url) => {
    expect(refuse(url)).toBe('private-address');
  });

  it.each(['https://erp.example.com/hooks/jiebang', 'https://223.5.5.5/hook', 'https://[2400:3200::1]/hook', 'https://localhost.example.com/'])(
    'accepts %s',
    (url) => {
      expect(refuse(url)).toBeNull();
    },
  );

  it('requires https when the policy says so, whatever the host', () => {
    expect(refuse('http://erp.example.com/hook')).toBe('https-required');
    expect(refuse('http://127.0.0.1:8080/hook')).toBe('https-required');
    expect(refuse('http://erp.example.com/hook', { allowPrivate: false, requireHttps: false })).toBeNull();
  });

  it('lets a local receiver through when private targets are allowed (development, tests)', () => {
    expect(refuse('http://127.0.0.1:8080/hook', development)).toBeNull();
    expect(refuse('http://localhost:8080/hook', development)).toBeNull();
  });
});

/** The resolver is the one seam faked here: what a (possibly hostile) DNS server answers. */
function answering(...addresses: string[]) {
  const answer: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return (_host: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) =>
    callback(null, answer);
}

function lookupWith(lookup: ReturnType<typeof publicOnlyLookup>, host: string, all: boolean) {
  return new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
    lookup(host, { all }, (err, address, family) => resolve({ err, address, family })),
  );
}

describe('publicOnlyLookup', () => {
  it('hands the socket the public addresses it checked, in either calling form', async () => {
    const lookup = publicOnlyLookup(answering('223.5.5.5', '2400:3200::1'));
    expect(await lookupWith(lookup, 'erp.example.com', false)).toEqual({ err: null, address: '223.5.5.5', family: 4 });
    expect((await lookupWith(lookup, 'erp.example.com', true)).address).toEqual([
      { address: '223.5.5.5', family: 4 },
      { address: '2400:3200::1', family: 6 },
    ]);
  });

  it.each([['10.0.0.5'], ['169.254.169.254'], ['::ffff:127.0.0.1'], ['223.5.5.5', '192.168.0.10']])(
    'refuses a name answering %s (a rebinding DNS server, or an internal name)',
    async (...addresses) => {
      const { err } = await lookupWith(publicOnlyLookup(answering(...addresses)), 'rebind.example.com', true);
      expect(err).toBeInstanceOf(TargetBlocked);
      expect(err?.message).toBe('blocked: resolves to a private address'); // the address found is not disclosed
    },
  );

  it('refuses localhost through the system resolver', async () => {
    expect((await lookupWith(publicOnlyLookup(), 'localhost', false)).err).toBeInstanceOf(TargetBlocked);
  });
});
