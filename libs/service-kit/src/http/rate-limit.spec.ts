import { rateLimitsOf } from './rate-limit';

describe('rateLimitsOf', () => {
  const base = { RATE_LIMIT_WINDOW_MS: 60_000, RATE_LIMIT_PER_IP: undefined, RATE_LIMIT_PER_PRINCIPAL: undefined };

  it('limits production and development by default, per address and per principal', () => {
    expect(rateLimitsOf({ ...base, NODE_ENV: 'production' })).toEqual({ perIp: 1200, perPrincipal: 600, windowMs: 60_000 });
    expect(rateLimitsOf({ ...base, NODE_ENV: 'development' })).toEqual({ perIp: 1200, perPrincipal: 600, windowMs: 60_000 });
  });

  it('is off under test unless a limit is set, and 0 turns one off anywhere', () => {
    expect(rateLimitsOf({ ...base, NODE_ENV: 'test' })).toEqual({ perIp: 0, perPrincipal: 0, windowMs: 60_000 });
    expect(rateLimitsOf({ ...base, NODE_ENV: 'test', RATE_LIMIT_PER_PRINCIPAL: 3 })).toMatchObject({ perIp: 0, perPrincipal: 3 });
    expect(rateLimitsOf({ ...base, NODE_ENV: 'production', RATE_LIMIT_PER_IP: 0 })).toMatchObject({ perIp: 0, perPrincipal: 600 });
  });
});
