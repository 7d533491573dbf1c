import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { sign, verify } from './webhook.signature';

const secret = 'whsec_test-secret';
const now = 1_772_675_400;

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>", as the receiver snippet in the docs computes it', () => {
    const body = '{"id":"d1","title":"新榜单待论证"}';
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(sign(secret, now, body)).toBe(`v1=${expected}`);
  });

  it('verifies what it signed, for any body', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (body) => verify(secret, sign(secret, now, body), String(now), body, now)));
  });

  it('refuses a changed body, another secret, or another timestamp', () => {
    const body = '{"a":1}';
    const header = sign(secret, now, body);
    expect(verify(secret, header, String(now), '{"a":2}', now)).toBe(false);
    expect(verify('whsec_other', header, String(now), body, now)).toBe(false);
    expect(verify(secret, header, String(now + 1), body, now)).toBe(false);
    expect(verify(secret, 'v1=short', String(now), body, now)).toBe(false);
  });

  it('refuses a replay outside the tolerance window', () => {
    const body = '{}';
    expect(verify(secret, sign(secret, now - 301, body), String(now - 301), body, now)).toBe(false);
    expect(verify(secret, sign(secret, now - 299, body), String(now - 299), body, now)).toBe(true);
  });
});
