import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { EVENT_DEFINITIONS, STREAMS, dlqTopic } from '@jiebang/contracts';
import { asyncApiYaml } from './asyncapi';
import { ASYNCAPI_FILE, FIXTURES_DIR, messageId } from './document';

const ROOT = resolve(__dirname, '../../..');
const checkedIn = readFileSync(resolve(ROOT, ASYNCAPI_FILE), 'utf8');
interface Doc {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { examples: { headers: unknown; payload: unknown }[] }> };
}
const doc = load(checkedIn) as Doc;

/** One ajv over the whole document, so a payload's `$ref`s into components.schemas resolve as a consumer's would. */
function validatorFor(path: string): ReturnType<Ajv['compile']> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'asyncapi');
  return ajv.compile({ $ref: `asyncapi#${path}` });
}

const fixtureFiles = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.json'));

describe('docs/asyncapi.yaml', () => {
  it('is what `npm run asyncapi` generates from libs/contracts (regenerate and commit when this fails)', () => {
    expect(checkedIn).toBe(asyncApiYaml());
  });

  it('is a valid AsyncAPI 3 document (@asyncapi/parser, no errors or warnings)', async () => {
    const { document, diagnostics } = await new Parser().parse(checkedIn);
    // Severity 0 = error, 1 = warning; 2/3 are hints such as "3.1.0 exists".
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(document!.channels().length).toBe(2 * Object.keys(STREAMS).length);
    expect(document!.messages().length).toBe(EVENT_DEFINITIONS.length + 1);
  }, 30_000);

  it('has a channel per topic and per DLQ, and every event type@version as a message of its stream', () => {
    for (const [name, stream] of Object.entries(STREAMS)) {
      expect(doc.channels[name].address).toBe(stream.topic);
      expect(doc.channels[`${name}Dlq`].address).toBe(dlqTopic(stream.topic));
    }
    for (const def of EVENT_DEFINITIONS) {
      expect(doc.channels[def.stream].messages[messageId(def)]).toEqual({ $ref: `#/components/messages/${messageId(def)}` });
    }
  });

  it.each(fixtureFiles)('golden fixture %s validates against the generated schema of its message (payload and headers)', (file) => {
    const id = file.replace(/\.json$/, '');
    const fixture = JSON.parse(readFileSync(resolve(FIXTURES_DIR, file), 'utf8'));
    const payload = validatorFor(`/components/messages/${id}/payload`);
    expect(payload(fixture) ? [] : payload.errors).toEqual([]);
    const headers = validatorFor(`/components/messages/${id}/headers`);
    const [example] = doc.components.messages[id].examples;
    expect(example.payload).toEqual(fixture);
    expect(headers(example.headers) ? [] : headers.errors).toEqual([]);
  });

  it('rejects an envelope whose data breaks its schema, or that claims another type (the schemas are not vacuous)', () => {
    const fixture = JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'challenge.submitted.v1.json'), 'utf8'));
    const validate = validatorFor('/components/messages/challenge.submitted.v1/payload');
    expect(validate({ ...fixture, data: { ...fixture.data, bountyYuan: 'lots' } })).toBe(false);
    expect(validate({ ...fixture, data: { ...fixture.data, title: undefined } })).toBe(false);
    expect(validate({ ...fixture, type: 'challenge.approved' })).toBe(false);
    expect(validate({ ...fixture, id: 'not-a-uuid' })).toBe(false);
    expect(validate({ ...fixture, actor: { id: 'u1', role: 'pirate' } })).toBe(false);
    // Additive evolution: an optional field a later producer adds must not break a consumer validating with this.
    expect(validate({ ...fixture, data: { ...fixture.data, futureField: 1 } })).toBe(true);
  });
});
