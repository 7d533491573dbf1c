import fc from 'fast-check';
import { arbitraryFor, type JsonSchema } from './json-schema';
import { deepNesting, fieldPaths, mutateBody, ODD_NUMBERS, RawJson, Rng, seedFor, serialize, withUnknownField } from './mutations';
import { judge, type FuzzCase } from './openapi-fuzz';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    n: { type: 'integer', minimum: 1, maximum: 5 },
    kind: { type: 'string', enum: ['a', 'b'] },
    tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 4 }, minItems: 1, maxItems: 2 },
    note: { type: 'string', nullable: true, maxLength: 10 },
  },
  required: ['id', 'n', 'kind', 'tags'],
  additionalProperties: false,
};

describe('arbitraryFor', () => {
  it('generates values that satisfy the schema', () => {
    fc.assert(
      fc.property(arbitraryFor(schema), (v: any) => {
        expect(v.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(Number.isInteger(v.n) && v.n >= 1 && v.n <= 5).toBe(true);
        expect(['a', 'b']).toContain(v.kind);
        expect(v.tags.length).toBeGreaterThanOrEqual(1);
        expect(v.note === undefined || v.note === null || v.note.length <= 10).toBe(true);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('is reproducible from a seed', () => {
    expect(fc.sample(arbitraryFor(schema), { seed: 7, numRuns: 5 })).toEqual(fc.sample(arbitraryFor(schema), { seed: 7, numRuns: 5 }));
  });
});

describe('mutations', () => {
  const valid = { id: 'x', tags: ['t'], inner: { a: 1 } };

  it('serialises raw JSON tokens verbatim', () => {
    expect(serialize({ a: new RawJson('1e999'), b: [deepNesting(2)] })).toBe('{"a":1e999,"b":[[[]]]}');
    expect(ODD_NUMBERS.length).toBeGreaterThan(5);
  });

  it('adds an unknown field where asked and says which field a 400 must name', () => {
    expect(withUnknownField(valid, ['inner'])).toEqual({ kind: 'extra', body: { ...valid, inner: { a: 1, fuzzUnknownField: 1 } }, field: 'inner.fuzzUnknownField' });
    expect(withUnknownField(valid, []).field).toBe('fuzzUnknownField');
  });

  it('changes exactly the chosen field and leaves the valid body alone', () => {
    const before = structuredClone(valid);
    expect(mutateBody(valid, 'null', new Rng(1), ['inner', 'a']).body).toEqual({ ...valid, inner: { a: null } });
    expect(mutateBody(valid, 'missing', new Rng(1), ['tags']).body).toEqual({ id: 'x', inner: { a: 1 } });
    expect(valid).toEqual(before);
    expect(fieldPaths(valid)).toEqual([['id'], ['tags'], ['tags', 0], ['inner'], ['inner', 'a']]);
  });

  it('derives a stable, distinct seed per route', () => {
    expect(seedFor(1, 'GET /a')).toBe(seedFor(1, 'GET /a'));
    expect(seedFor(1, 'GET /a')).not.toBe(seedFor(1, 'GET /b'));
    expect(seedFor(1, 'GET /a')).not.toBe(seedFor(2, 'GET /a'));
  });
});

describe('judge', () => {
  const c: FuzzCase = { route: 'POST /x', name: 't', request: { method: 'POST', url: 'u', headers: {} } };
  const error = (details?: object) => ({ code: 'VALIDATION_FAILED', message: 'm', details });

  it('fails 5xx answers and 4xx answers without the error body or the field', () => {
    expect(judge(c, { status: 500, contentType: '', body: error() })).toBe('answered 500');
    expect(judge(c, { status: 404, contentType: '', body: 'Not Found' })).toMatch(/without the error body/);
    expect(judge(c, { status: 400, contentType: '', body: error({}) })).toMatch(/without details.field/);
    expect(judge({ ...c, field: 'a.b' }, { status: 400, contentType: '', body: error({ field: 'a' }) })).toMatch(/does not name/);
    expect(judge({ ...c, status: [413] }, { status: 400, contentType: '', body: error({ field: 'a' }) })).toMatch(/expected 413/);
  });

  it('passes 2xx answers and well-formed 4xx ones', () => {
    expect(judge(c, { status: 201, contentType: '', body: {} })).toBeUndefined();
    expect(judge({ ...c, field: 'a.b' }, { status: 400, contentType: '', body: error({ field: 'x', fields: [{ field: 'a.b' }] }) })).toBeUndefined();
    expect(judge(c, { status: 409, contentType: '', body: { code: 'C', message: 'm' } })).toBeUndefined();
  });
});
