import { isInfrastructureError } from './infrastructure-error';

describe('isInfrastructureError', () => {
  it.each([
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['admin shutdown (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['connection failure (08006)', Object.assign(new Error('x'), { code: '08006' })],
    ['too many connections (53300)', Object.assign(new Error('x'), { code: '53300' })],
    ['a deadlock (40P01)', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a serialization failure (40001)', Object.assign(new Error('x'), { code: '40001' })],
    ['a lock timeout (55P03)', Object.assign(new Error('x'), { code: '55P03' })],
    ['a statement timeout (57014)', Object.assign(new Error('canceling statement'), { code: '57014' })],
    ['terminated socket', new Error('Connection terminated unexpectedly')],
    ['wrapped cause', new Error('query failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
  ])('treats %s as infrastructure (retry, never dead-letter)', (_, err) => {
    expect(isInfrastructureError(err)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'title')")],
    ['a non-error', 'boom'],
  ])('treats %s as the message’s problem', (_, err) => {
    expect(isInfrastructureError(err)).toBe(false);
  });
});
