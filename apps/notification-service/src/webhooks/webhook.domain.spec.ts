import { DomainError } from '@jiebang/contracts';
import { checkRegistration } from './webhook.domain';

const hook = (id: string, url: string, categories: string[]) => ({ id, url, categories });

function refusal(f: () => void): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('webhook registration rules', () => {
  const existing = [hook('e1', 'https://erp.example.com/hooks/jiebang', ['challenge', 'project'])];

  it('refuses the same receiver for a category it already has, however the URL is spelt, naming the endpoint', () => {
    const e = refusal(() => checkRegistration(existing, { url: 'HTTPS://ERP.example.com:443/hooks/jiebang', categories: ['profile', 'project'] }, 10));
    expect(e).toMatchObject({ kind: 'conflict', code: 'WEBHOOK_DUPLICATE', details: { field: 'url', endpointId: 'e1', categories: ['project'] } });
  });

  it('allows the same receiver for other categories, and another receiver for the same ones', () => {
    expect(() => checkRegistration(existing, { url: 'https://erp.example.com/hooks/jiebang', categories: ['profile'] }, 10)).not.toThrow();
    expect(() => checkRegistration(existing, { url: 'https://erp.example.com/hooks/other', categories: ['challenge'] }, 10)).not.toThrow();
  });

  it('refuses an endpoint past the limit of the audience', () => {
    const full = Array.from({ length: 3 }, (_, i) => hook(`e${i}`, `https://erp.example.com/${i}`, ['challenge']));
    expect(() => checkRegistration(full.slice(0, 2), { url: 'https://erp.example.com/new', categories: ['challenge'] }, 3)).not.toThrow();
    expect(refusal(() => checkRegistration(full, { url: 'https://erp.example.com/new', categories: ['challenge'] }, 3))).toMatchObject({
      kind: 'conflict',
      code: 'WEBHOOK_ENDPOINT_LIMIT',
      details: { limit: 3 },
    });
  });
});
