import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEvent, type Envelope } from '@jiebang/contracts';
import { addressesOf } from './audience';
import { PROFILE_NOTICES, RATING_NEWS_WINDOW_DAYS, isRecentRating } from './profile.notices';

const FIXTURES = resolve(__dirname, '../../../../libs/contracts/fixtures');

/** A golden fixture read as a consumed message; `withoutOwner` as a producer from before `ownerId` published it. */
function consumed(type: string, withoutOwner = false): Envelope {
  const raw = JSON.parse(readFileSync(resolve(FIXTURES, `${type}.v1.json`), 'utf8'));
  if (withoutOwner) delete raw.data.ownerId;
  const parsed = parseEvent(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(`${type}: ${parsed.error}`);
  return parsed.event;
}

const DAY = 86_400_000;
const rated = (recordedAfterMs: number) => {
  const ratedAt = Date.parse('2026-03-06T02:15:00.000Z');
  return { time: new Date(ratedAt + recordedAfterMs).toISOString(), data: { ratedAt: '2026-03-06T10:15:00.000+08:00' } };
};

describe('the historical-rating rule of profile.rated', () => {
  it('treats a rating recorded when it was given, or within the window after, as news', () => {
    expect(isRecentRating(rated(0))).toBe(true);
    expect(isRecentRating(rated(3 * DAY))).toBe(true);
    expect(isRecentRating(rated(RATING_NEWS_WINDOW_DAYS * DAY))).toBe(true);
  });

  it('treats a rating recorded longer after it was given as an import, not news', () => {
    expect(isRecentRating(rated(RATING_NEWS_WINDOW_DAYS * DAY + 1))).toBe(false);
    expect(isRecentRating(rated(300 * DAY))).toBe(false);
  });
});

describe('who hears of a fact about a profile', () => {
  it.each(PROFILE_NOTICES.map((n) => [n.id, n] as const))('%s goes to the person the event names as owner, if any', (_id, spec) => {
    const event = consumed(spec.event.type);
    expect(addressesOf(spec.audiences, event)).toEqual([{ kind: 'profile', profileId: event.subject, ownerId: 'u-exp-li' }]);
    // An event from before the field (still valid v1) names nobody: the directory decides, as it did before.
    const older = consumed(spec.event.type, true);
    expect(addressesOf(spec.audiences, older)).toEqual([{ kind: 'profile', profileId: older.subject, ownerId: null }]);
  });
});
