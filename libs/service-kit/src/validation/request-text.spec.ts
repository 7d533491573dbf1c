import { unstorable, unstorableTextPath } from './request-text';

describe('unstorableTextPath', () => {
  it('finds NUL characters and lone surrogates in values and keys, by path', () => {
    expect(unstorableTextPath({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toEqual(['b', '0', 'c']);
    expect(unstorableTextPath({ 'k\u0000': 1 })).toEqual(['k\u0000']);
    expect(unstorableTextPath(['\uD800'])).toEqual(['0']);
    expect(unstorableTextPath('\uDC00')).toEqual([]);
  });

  it('lets well-formed text through, emoji (surrogate pairs) included', () => {
    expect(unstorableTextPath({ a: '👩‍👩‍👧‍👦', b: ['\u202E', { c: 'e\u0301' }], n: 1, z: null })).toBeUndefined();
    expect(unstorable('😀')).toBe(false);
    expect(unstorable('\uDFFF\uD800')).toBe(true);
  });

  it('walks a body nested 100 000 deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`);
    expect(unstorableTextPath(deep)).toHaveLength(100_000);
  });
});
