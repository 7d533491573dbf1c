import { DomainError } from '@jiebang/contracts';
import { checkPreference, decide, type Mode } from './preference.domain';

const prefs = (mode: Mode) => new Map([[`challenge/email`, mode] as const]);
const optional = { category: 'challenge', mandatory: false, priority: 'normal' } as const;
const low = { ...optional, priority: 'low' } as const;
const mandatory = { ...optional, mandatory: true } as const;

describe('preferences', () => {
  it('sends by default', () => {
    expect(decide(optional, 'email', new Map())).toBe('send');
  });

  it('suppresses an optional notice the organisation turned off, on that channel only', () => {
    expect(decide(optional, 'email', prefs('off'))).toBe('suppress');
    expect(decide(optional, 'inbox', prefs('off'))).toBe('send');
  });

  it('never suppresses or delays a mandatory notice', () => {
    expect(decide(mandatory, 'email', prefs('off'))).toBe('send');
    expect(decide({ ...mandatory, priority: 'low' }, 'email', prefs('digest'))).toBe('send');
  });

  it('puts only low-priority e-mails into the digest', () => {
    expect(decide(low, 'email', prefs('digest'))).toBe('digest');
    expect(decide(optional, 'email', prefs('digest'))).toBe('send');
  });

  it('refuses a digest on a channel other than e-mail, naming the field', () => {
    expect(() => checkPreference('email', 'digest')).not.toThrow();
    try {
      checkPreference('inbox', 'digest');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ kind: 'validation', code: 'PREFERENCE_DIGEST_EMAIL_ONLY', details: { field: 'mode' } });
    }
  });
});
