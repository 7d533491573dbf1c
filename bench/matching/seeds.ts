import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CandidateKind, FieldCode, ProfileContent } from '@jiebang/contracts';
import { tallyOf, type CandidateFacts } from '@jiebang/matching-service/src/engine';

export const SEEDS = resolve(__dirname, '../../seeds/matching');

export interface SeedCandidate extends Omit<ProfileContent, 'willingness' | 'city'> {
  id: string;
  city?: string | null;
  openLoad: number;
  ratings: { score: number; at: string }[];
  willingness?: ProfileContent['willingness'];
}

export interface EvalNeed {
  id: string;
  split: 'dev' | 'test';
  wants: CandidateKind;
  districtCode: string;
  enterpriseOrgId: string;
  technical: { title: string; text: string; field: FieldCode | null; keywords: string[] };
  colloquial: { text: string; field: FieldCode | null };
}

const json = (file: string) => JSON.parse(readFileSync(resolve(SEEDS, file), 'utf8'));

export const dictionary = (): string => readFileSync(resolve(SEEDS, 'dictionary.txt'), 'utf8');
export const thesaurusJson = (): unknown => json('thesaurus.json');
export const candidates = (): SeedCandidate[] => json('candidates.json').candidates;
export const needs = (): EvalNeed[] => json('eval/needs.json').needs;
export const qrels = (): Record<string, Record<string, number>> => json('eval/qrels.json').judgements;

/** The facts the engine keeps for a seed candidate, reputation tallied with the index's half-life. */
export function factsOf(c: SeedCandidate, halfLifeDays: number): CandidateFacts {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    orgId: c.orgId,
    orgName: c.orgName,
    districtCode: c.districtCode,
    region: c.region,
    fields: c.fields,
    maxLoad: c.maxLoad,
    openLoad: c.openLoad,
    affiliations: c.affiliations,
    suspended: c.suspended,
    willingness: c.willingness ?? 'neutral',
    reputation: tallyOf(c.ratings.map((r) => ({ score: r.score, at: new Date(r.at) })), halfLifeDays),
    disputes: [],
    version: 1,
  };
}
