import { z } from 'zod';
import { deepStrict, looseObjectPaths } from './strict-schema';

const weights = z.object({ a: z.number(), b: z.number() }).refine((w) => w.a + w.b === 1, { message: 'sum' });
const lenient = z.object({
  items: z.array(z.object({ n: z.string().min(2) })).max(2).default([]),
  weights: weights.default({ a: 0.5, b: 0.5 }),
  inner: z.object({ x: z.string() }).nullable().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

describe('deepStrict', () => {
  const strict = deepStrict(lenient);

  it('refuses an unknown key at every level, naming where', () => {
    expect(looseObjectPaths(lenient)).toHaveLength(4);
    expect(looseObjectPaths(strict)).toEqual([]);
    const issues = strict.safeParse({ extra: 1, items: [{ n: 'ab', more: 1 }], inner: { x: 's', y: 1 } }).error!.issues;
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['unrecognized_keys', ''],
        ['unrecognized_keys', 'items.0'],
        ['unrecognized_keys', 'inner'],
      ]),
    );
  });

  it('keeps checks, refinements, defaults and records', () => {
    expect(strict.safeParse({ items: [{ n: 'a' }] }).success).toBe(false);
    expect(strict.safeParse({ items: [{ n: 'aa' }, { n: 'bb' }, { n: 'cc' }] }).success).toBe(false);
    expect(strict.safeParse({ weights: { a: 0.2, b: 0.2 } }).error!.issues[0].message).toBe('sum');
    expect(strict.parse({ tags: { any: 'x' } })).toEqual({ items: [], weights: { a: 0.5, b: 0.5 }, tags: { any: 'x' } });
  });

  it('leaves objects that chose a catch-all, which looseObjectPaths then reports', () => {
    expect(looseObjectPaths(deepStrict(z.looseObject({ a: z.string() })))).toEqual(['(body)']);
  });
});
