import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEvent, type Envelope } from '@jiebang/contracts';
import { addressesOf } from './audience';
import { ENTERPRISE_NOTICES } from './enterprise.notices';

const FIXTURES = resolve(__dirname, '../../../../libs/contracts/fixtures');

function consumed(type: string, data: Record<string, unknown> = {}): Envelope {
  const raw = JSON.parse(readFileSync(resolve(FIXTURES, `${type}.v1.json`), 'utf8'));
  const parsed = parseEvent(JSON.stringify({ ...raw, data: { ...raw.data, ...data } }));
  if (!parsed.ok) throw new Error(`${type}: ${parsed.error}`);
  return parsed.event;
}

const spec = (id: string) => ENTERPRISE_NOTICES.find((n) => n.id === id)!;

describe('who hears of a fact about an enterprise profile', () => {
  it('gives the district office of the enterprise’s district the registration as a work item', () => {
    const registered = spec('enterprise.registered@v1/district-office');
    expect(registered.mandatory).toBe(true);
    expect(addressesOf(registered.audiences, consumed('enterprise.registered'))).toEqual([{ kind: 'desk', role: 'district', district: '500112' }]);
  });

  it('tells the office of an update only when the update reset the verification, in the new district', () => {
    const updated = spec('enterprise.updated@v1/district-office');
    expect(updated.isNews!(consumed('enterprise.updated', { verificationReset: false }))).toBe(false);
    const moved = consumed('enterprise.updated', { verificationReset: true, districtCode: '500106' });
    expect(updated.isNews!(moved)).toBe(true);
    expect(addressesOf(updated.audiences, moved)).toEqual([{ kind: 'desk', role: 'district', district: '500106' }]);
  });

  it('tells the enterprise itself of the decision, and the reason of a rejection', () => {
    const rejected = consumed('enterprise.verification-rejected');
    const notice = spec('enterprise.verification-rejected@v1/enterprise');
    expect(addressesOf(notice.audiences, rejected)).toEqual([{ kind: 'org', orgId: 'org-ent-bishan-glass', role: 'enterprise' }]);
    expect(notice.vars(rejected).reason).toBe((rejected.data as { reason: string }).reason);
    const verified = consumed('enterprise.verified');
    expect(addressesOf(spec('enterprise.verified@v1/enterprise').audiences, verified)).toEqual([
      { kind: 'org', orgId: 'org-ent-yujiang-alu', role: 'enterprise' },
    ]);
  });
});
