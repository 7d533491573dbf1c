import { RATING_NEWS_WINDOW_DAYS, isRecentRating } from './profile.notices';

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
