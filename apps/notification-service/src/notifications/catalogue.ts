import { challengeSubmittedV1, districtName, type Envelope, type EventDefinition, type EventOf, type Role } from '@jiebang/contracts';

/** Who hears of an event: an organisation named in the event, or every member of a role (optionally of one district). */
export type Audience<E = Envelope> =
  | { kind: 'role'; role: Role; district?: (event: E) => string }
  | { kind: 'org'; org: (event: E) => string };

export type Category = 'challenge' | 'application' | 'project' | 'service-order' | 'system';

export interface CatalogueEntry<E = Envelope> {
  event: EventDefinition;
  category: Category;
  /** Mandatory notices (公示 results, awards, escalations) cannot be turned off by preferences. */
  mandatory: boolean;
  audiences: Audience<E>[];
  template: { title: string; body: string; link: string };
  /** Variables for the template, derived from the event. */
  vars: (event: E) => Record<string, string | number>;
}

/** Types one entry against its event's schema, then erases the type so entries of all events fit one list. */
function notice<D extends EventDefinition>(event: D, spec: Omit<CatalogueEntry<EventOf<D>>, 'event'>): CatalogueEntry {
  return { event, ...spec } as unknown as CatalogueEntry;
}

const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Event type → recipients → template. Adding an event someone must hear about is one entry here. */
export const CATALOGUE: CatalogueEntry[] = [
  notice(challengeSubmittedV1, {
    category: 'challenge',
    mandatory: false,
    audiences: [{ kind: 'role', role: 'bureau' }],
    template: {
      title: '新榜单待论证：{{title}}',
      body: '{{enterpriseName}}（{{districtName}}）提交了榜单《{{title}}》，悬赏 {{bountyWan}} 万元，揭榜截止 {{deadline}}，请组织专家论证。',
      link: '/challenges/{{challengeId}}',
    },
    vars: (e) => ({
      challengeId: e.subject,
      title: e.data.title,
      enterpriseName: e.data.enterpriseName,
      districtName: districtName(e.data.districtCode) ?? e.data.districtCode,
      bountyWan: wan(e.data.bountyYuan),
      deadline: e.data.deadline,
    }),
  }),
];
