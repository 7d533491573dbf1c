import type { Envelope, EventDefinition, EventOf } from '@jiebang/contracts';
import type { Audience } from './audience';

/** What a notice is about; preferences are set per category and channel. */
export const CATEGORIES = ['enterprise', 'challenge', 'application', 'project', 'service-order', 'profile', 'system'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Low-priority notices may be batched into the daily e-mail digest; everything else goes out at once. */
export type Priority = 'normal' | 'low';

export interface Template {
  title: string;
  body: string;
  /** Path in the web app, relative to WEB_BASE_URL. */
  link: string;
}

export type TemplateVars = Record<string, string | number>;

/** The parts of a notice the planner needs, whether it comes from an event or from the service itself. */
export interface NoticeMeta {
  /** Stable key (`challenge.submitted@v1/bureau`): part of every delivery id, so never rename a live one. */
  id: string;
  category: Category;
  /** Mandatory notices (公示 results, awards, escalations, work items) cannot be turned off by preferences. */
  mandatory: boolean;
  priority: Priority;
  channels: Channel[];
  template: Template;
}

/** One catalogue entry: an event type → who hears of it → how → in which words. */
export interface NoticeSpec<E = Envelope> extends NoticeMeta {
  event: EventDefinition;
  audiences: Audience<E>[];
  /** By default the organisation (or person) whose act the event records is not told of it; set to tell it too. */
  notifyActor?: boolean;
  /**
   * Whether this event is news to the audience at all (default: always). Decided from the event alone, like the
   * variables, so a redelivery decides the same; e.g. a rating imported long after it was given is history.
   */
  isNews?: (event: E) => boolean;
  /** Template variables, derived from the event alone. */
  vars: (event: E) => TemplateVars;
}

type Spec<D extends EventDefinition> = Omit<NoticeSpec<EventOf<D>>, 'id' | 'event'>;

/** Types one entry against its event's schema, then erases the type so entries of all events fit one list. */
export function notice<D extends EventDefinition>(event: D, key: string, spec: Spec<D>): NoticeSpec {
  return { id: `${event.type}@v${event.version}/${key}`, event, ...spec } as unknown as NoticeSpec;
}
