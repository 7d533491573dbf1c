import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVENT_DEFINITIONS, eventKey, parseEvent, type Envelope } from '@jiebang/contracts';
import { CATALOGUE, SILENT_EVENTS } from './catalogue';
import { placeholders, renderTemplate, TemplateVariableMissing } from './template';
import type { NoticeSpec } from './notice';
import { SYSTEM_NOTICES, webhookDisabledVars } from './system.notices';

const FIXTURES = resolve(__dirname, '../../../../libs/contracts/fixtures');

/** The golden fixture of an event type and version, validated like a consumed message. */
function fixture(spec: NoticeSpec): Envelope {
  const raw = readFileSync(resolve(FIXTURES, `${spec.event.type}.v${spec.event.version}.json`), 'utf8');
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(`fixture of ${spec.id} is invalid: ${parsed.error}`);
  return parsed.event;
}

describe('notification catalogue', () => {
  const catalogued = new Set(CATALOGUE.map((n) => eventKey(n.event.type, n.event.version)));
  const silent = new Set(SILENT_EVENTS.map((s) => eventKey(s.event.type, s.event.version)));

  it.each(EVENT_DEFINITIONS.map((d) => [eventKey(d.type, d.version)]))(
    '%s is either catalogued (someone hears of it) or declared silent',
    (key) => {
      const status = catalogued.has(key) ? (silent.has(key) ? 'both' : 'catalogued') : silent.has(key) ? 'silent' : 'neither';
      expect(['catalogued', 'silent']).toContain(status);
      // catalogued: add an entry to catalogue/<stream>.notices.ts; silent: add it to SILENT_EVENTS with the reason.
    },
  );

  it('declares every silent event with a reason', () => {
    for (const s of SILENT_EVENTS) expect(s.reason.trim().length).toBeGreaterThan(10);
  });

  it('has unique notice ids, channels and audiences on every entry', () => {
    expect(new Set(CATALOGUE.map((n) => n.id)).size).toBe(CATALOGUE.length);
    for (const n of CATALOGUE) {
      expect(n.channels.length).toBeGreaterThan(0);
      expect(n.audiences.length).toBeGreaterThan(0);
    }
  });

  describe.each(CATALOGUE.map((n) => [n.id, n] as const))('%s', (_id, spec) => {
    it('renders from its event\'s golden fixture with every variable provided', () => {
      const event = fixture(spec);
      const vars = spec.vars(event);
      expect(Object.keys(vars)).toEqual(expect.arrayContaining(placeholders(spec.template)));
      const rendered = renderTemplate(spec.template, vars);
      for (const text of Object.values(rendered)) expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
      expect(rendered.link.startsWith('/')).toBe(true);
    });
  });

  it('fails an entry whose template names a variable its event does not provide', () => {
    const [spec] = CATALOGUE;
    const broken: NoticeSpec = { ...spec, template: { ...spec.template, body: `${spec.template.body}（联系人：{{contactPerson}}）` } };
    expect(() => renderTemplate(broken.template, broken.vars(fixture(broken)))).toThrow(TemplateVariableMissing);
  });

  it('is listed in docs/notifications.md, every notice and every silent event', () => {
    const docs = readFileSync(resolve(__dirname, '../../../../docs/notifications.md'), 'utf8');
    const ids = [...CATALOGUE.map((n) => n.id), ...Object.values(SYSTEM_NOTICES).map((n) => n.id)];
    expect(ids.filter((id) => !docs.includes(`\`${id}\``))).toEqual([]);
    expect(SILENT_EVENTS.map((s) => s.event.type).filter((type) => !docs.includes(`\`${type}\``))).toEqual([]);
  });

  it('renders the webhook-disabled notice from the endpoint it is about', () => {
    const vars = webhookDisabledVars({
      id: 'd2b0c9a4-1f7e-4d55-9d0f-4c8e2f1a7b6c',
      url: 'https://erp.example.com/hooks/jiebang',
      consecutiveFailures: 15,
      lastError: 'HTTP 502',
      disabledAt: new Date('2026-03-05T01:30:00Z'),
    });
    const rendered = renderTemplate(SYSTEM_NOTICES.webhookDisabled.template, vars);
    expect(rendered.body).toContain('连续 15 次投递失败（最近一次：HTTP 502），已于 2026/3/5 09:30:00 自动停用');
  });
});
