import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { challengeDetailsSchema, reviewWeightsSchema } from './challenge-content';
import { parseEvent } from './parse-event';

const fixture = (type: string) => JSON.parse(readFileSync(resolve(__dirname, '../fixtures', `${type}.v1.json`), 'utf8'));

describe('challenge content', () => {
  it('lets challenge.submitted v1 carry the details of the full workflow, and still parse without them', () => {
    const submitted = fixture('challenge.submitted');
    const details = challengeDetailsSchema.parse(fixture('challenge.published').data);
    const extended = { ...submitted, data: { ...submitted.data, ...details } };
    const parsed = parseEvent(JSON.stringify(extended));
    expect(parsed.ok && parsed.event).toEqual(extended);
    expect(parseEvent(JSON.stringify(submitted)).ok).toBe(true);
  });

  it('refuses review weights that do not sum to 1', () => {
    expect(reviewWeightsSchema.safeParse({ technical: 0.4, team: 0.3, feasibility: 0.3 }).success).toBe(true);
    expect(reviewWeightsSchema.safeParse({ technical: 0.5, team: 0.3, feasibility: 0.3 }).success).toBe(false);
  });
});
