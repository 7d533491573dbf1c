import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DISTRICTS, isDistrictCode } from './districts';
import { eventKey } from './event-definition';
import { EVENT_DEFINITIONS, findEventDefinition } from './events';
import { parseEvent } from './parse-event';
import { allTopics, dlqTopic, namespacedTopic, STREAMS } from './topics';

const FIXTURES = resolve(__dirname, '../fixtures');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

describe('golden fixtures', () => {
  it('every event type and version has exactly one fixture', () => {
    const expected = EVENT_DEFINITIONS.map((d) => `${d.type}.v${d.version}.json`).sort();
    expect(fixtureFiles.sort()).toEqual(expected);
  });

  it.each(fixtureFiles)('%s parses against its schema without losing a field', (file) => {
    const raw = readFileSync(resolve(FIXTURES, file), 'utf8');
    const parsed = parseEvent(raw);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}: ${parsed.error}`);
    expect(`${parsed.event.type}.v${parsed.event.version}.json`).toBe(file);
    // Round trip: a schema that silently drops or rewrites a field would break consumers of the old shape.
    expect(parsed.event).toEqual(JSON.parse(raw));
  });

  it.each(fixtureFiles)('%s still parses when a producer adds an optional field (additive evolution)', (file) => {
    const event = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8'));
    event.data.addedInALaterMinorVersion = '新字段';
    expect(parseEvent(JSON.stringify(event)).ok).toBe(true);
  });
});

describe('event definitions', () => {
  it('are unique by type and version, and each type is published on the stream its name says', () => {
    const keys = EVENT_DEFINITIONS.map((d) => eventKey(d.type, d.version));
    expect(new Set(keys).size).toBe(keys.length);
    const misplaced = EVENT_DEFINITIONS.filter((d) => STREAMS[d.stream].topic !== `jiebang.${d.type.split('.')[0]}`);
    expect(misplaced.map((d) => `${d.type} on ${d.stream}`)).toEqual([]);
  });
});

describe('parseEvent', () => {
  const fixture = JSON.parse(readFileSync(resolve(FIXTURES, 'challenge.submitted.v1.json'), 'utf8'));

  it('names why a message is refused', () => {
    expect(parseEvent('{oops').ok).toBe(false);
    expect(parseEvent('{oops')).toMatchObject({ reason: 'malformed-json' });
    expect(parseEvent(JSON.stringify({ ...fixture, id: 'not-a-uuid' }))).toMatchObject({ reason: 'invalid-envelope' });
    expect(parseEvent(JSON.stringify({ ...fixture, version: 9 }))).toMatchObject({ reason: 'unknown-type' });
    expect(parseEvent(JSON.stringify({ ...fixture, data: { ...fixture.data, districtCode: '110101' } }))).toMatchObject({
      reason: 'invalid-data',
    });
  });

  it('finds definitions by type and version', () => {
    const def = findEventDefinition('challenge.submitted', 1);
    expect(def && eventKey(def.type, def.version)).toBe('challenge.submitted@v1');
  });
});

describe('topics and districts', () => {
  it('gives every stream a dead-letter twin and namespaces them for isolated runs', () => {
    const names = allTopics().map((t) => t.topic);
    for (const { topic } of Object.values(STREAMS)) expect(names).toEqual(expect.arrayContaining([topic, dlqTopic(topic)]));
    expect(allTopics().filter((t) => !t.topic.endsWith('.dlq')).every((t) => t.partitions >= 2)).toBe(true);
    expect(namespacedTopic('t1', 'jiebang.challenge')).toBe('t1.jiebang.challenge');
    expect(namespacedTopic('', 'jiebang.challenge')).toBe('jiebang.challenge');
  });

  it('holds the 38 county-level divisions of Chongqing from the reference list', () => {
    const reference = readFileSync(resolve(__dirname, '../../../seeds/reference/chongqing-districts.csv'), 'utf8');
    const rows = reference.trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(DISTRICTS).toHaveLength(38);
    expect(DISTRICTS.map((d) => d.code)).toEqual(rows);
    expect(isDistrictCode('500106')).toBe(true);
    expect(isDistrictCode('510104')).toBe(false);
  });
});
