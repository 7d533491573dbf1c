import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEvent, type Envelope } from '@jiebang/contracts';
import { addressesOf } from './audience';
import { CATALOGUE } from './catalogue';
import { applicantsOf, orgInRoleOf } from './parties';

const FIXTURES = resolve(__dirname, '../../../../libs/contracts/fixtures');

function consumed(type: string, change: (data: Record<string, unknown>) => void = () => {}): Envelope {
  const raw = JSON.parse(readFileSync(resolve(FIXTURES, `${type}.v1.json`), 'utf8'));
  change(raw.data);
  const parsed = parseEvent(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(`${type}: ${parsed.error}`);
  return parsed.event;
}

const spec = (id: string) => {
  const found = CATALOGUE.find((n) => n.id === id);
  if (!found) throw new Error(`no notice ${id}`);
  return found;
};
/** Who an entry tells of an event, or nobody when the event is no news to that audience. */
const told = (id: string, event: Envelope) => (spec(id).isNews?.(event) ?? true ? addressesOf(spec(id).audiences, event) : []);

describe('audiences named by the workflow events', () => {
  it('addresses each applicant in the role it applied in', () => {
    const applicants = [
      { orgId: 'org-sol-1', role: 'solver' as const },
      { orgId: 'org-team-1', role: 'team' as const },
    ];
    expect(addressesOf(applicantsOf(() => applicants), {})).toEqual([
      { kind: 'org', orgId: 'org-sol-1', role: 'solver' },
      { kind: 'org', orgId: 'org-team-1', role: 'team' },
    ]);
  });

  it('addresses an organisation in whatever role the event names, and nobody when it names none', () => {
    expect(addressesOf(orgInRoleOf(() => ({ orgId: 'org-ent-9', role: 'enterprise' })), {})).toEqual([
      { kind: 'org', orgId: 'org-ent-9', role: 'enterprise' },
    ]);
    expect(addressesOf(orgInRoleOf(() => null), {})).toEqual([]);
  });

  it('tells the applicants that did not win of the award apart from the winners', () => {
    const awarded = consumed('challenge.awarded');
    const orgs = (id: string) => told(id, awarded).map((a) => (a.kind === 'org' ? `${a.orgId}/${a.role}` : a.kind));
    expect(orgs('challenge.awarded@v1/winners')).toEqual(['org-sol-cqu/solver', 'org-sol-huanke/solver']);
    expect(orgs('challenge.awarded@v1/applicants')).toEqual(['org-sol-swpu/solver', 'org-team-fuling-gas/team']);
  });

  it('tells the objector of the outcome in its own role, besides the applicants', () => {
    const dismissed = consumed('challenge.objection-dismissed', (d) => {
      d.objectorOrgId = 'org-ent-rival';
      d.objectorRole = 'enterprise';
    });
    expect(told('challenge.objection-dismissed@v1/parties', dismissed)).toContainEqual({ kind: 'org', orgId: 'org-ent-rival', role: 'enterprise' });
  });

  it('tells each expert once, in person', () => {
    expect(told('review.experts-assigned@v1/experts', consumed('review.experts-assigned'))).toEqual([
      { kind: 'user', userId: 'u-exp-zhang', role: 'expert' },
      { kind: 'user', userId: 'u-exp-wang', role: 'expert' },
      { kind: 'user', userId: 'u-exp-chen', role: 'expert' },
    ]);
  });

  it('escalates a service order to the desk of its level only, and tells a late team', () => {
    const toBureau = consumed('dispatch.escalated');
    expect(told('dispatch.escalated@v1/bureau', toBureau)).toEqual([{ kind: 'desk', role: 'bureau' }]);
    expect(told('dispatch.escalated@v1/district-office', toBureau)).toEqual([]);
    const late = consumed('dispatch.escalated', (d) => {
      d.level = 'district';
      d.reason = 'service-overdue';
      d.team = { profileId: '0b0f2c8e-4d4e-5a7b-9c1d-2e3f4a5b6c7d', orgId: 'org-team-yc-im', name: '永川智能制造科技特派员团' };
    });
    expect(told('dispatch.escalated@v1/district-office', late)).toEqual([{ kind: 'desk', role: 'district', district: '500118' }]);
    expect(told('dispatch.escalated@v1/bureau', late)).toEqual([]);
    expect(told('dispatch.escalated@v1/team', late)).toEqual([{ kind: 'org', orgId: 'org-team-yc-im', role: 'team' }]);
  });

  it('asks the bureau for the mid-term review and for acceptance only when the project gets there', () => {
    const approved = consumed('project.milestone-approved');
    expect(told('project.milestone-approved@v1/bureau-midterm', approved)).toEqual([]);
    const midterm = consumed('project.milestone-approved', (d) => {
      d.status = 'MIDTERM_REVIEW';
      d.next = null;
    });
    expect(told('project.milestone-approved@v1/bureau-midterm', midterm)).toEqual([{ kind: 'desk', role: 'bureau' }]);
    expect(told('project.milestone-approved@v1/bureau-acceptance', midterm)).toEqual([]);
  });
});
