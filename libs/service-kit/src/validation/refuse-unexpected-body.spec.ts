import { isJsonType } from '../http/json-only';
import { unexpectedBodyField } from './refuse-unexpected-body';

describe('unexpectedBodyField', () => {
  it('names the first field of a non-empty body, the body itself for a non-object', () => {
    expect(unexpectedBodyField({ reason: 'x', b: 1 })).toBe('reason');
    expect(unexpectedBodyField([1])).toBe('(body)');
    expect(unexpectedBodyField('text')).toBe('(body)');
    expect(unexpectedBodyField(0)).toBe('(body)');
  });

  it('lets no body and an empty object through', () => {
    expect(unexpectedBodyField(undefined)).toBeUndefined();
    expect(unexpectedBodyField(null)).toBeUndefined();
    expect(unexpectedBodyField({})).toBeUndefined();
  });
});

describe('isJsonType', () => {
  it('accepts application/json and +json types with parameters', () => {
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonType('application/merge-patch+json')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const t of [undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', 'multipart/form-data; boundary=b']) {
      expect(isJsonType(t)).toBe(false);
    }
  });
});
