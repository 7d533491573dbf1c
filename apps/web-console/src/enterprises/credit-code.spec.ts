import { isCreditCode } from './credit-code';

describe('isCreditCode (GB 32100)', () => {
  it('takes a code whose 18th character is the check character of the first 17', () => {
    // 91350100M000100Y43 is the standard's own example.
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('91350100M000100I43')).toBe(false);
  });
});
