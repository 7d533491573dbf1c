import type { ProfileContent } from '@jiebang/contracts';
import type { CandidateFacts } from '../engine/candidate';
import { CandidateIndex } from '../engine/candidate-index';
import type { Need } from '../engine/need';
import { RankingEngine } from '../engine/ranking.engine';
import { EMPTY_TALLY } from '../engine/reputation';
import { Analyzer } from '../engine/text/analyzer';
import { Segmenter } from '../engine/text/segmenter';
import { Thesaurus } from '../engine/text/thesaurus';

/** A small domain dictionary and thesaurus for unit tests (the real ones live in seeds/matching). */
export const TEST_DICTIONARY = ['揭榜挂帅 20 n', '工业互联网 20 n', '碳中和 20 n', '新材料 20 n', '高压铸造 20 n', '氨气减排 10 n'].join('\n');

export const TEST_THESAURUS = Thesaurus.parse({
  entries: [
    { id: 'casting-porosity', colloquial: ['冒小坑', '打压还漏', '冒…坑'], technical: ['气孔', '针孔', '缩松', '气密性'], weight: 1, fields: ['light-metal'] },
    { id: 'odour', colloquial: ['味道太大', '臭味'], technical: ['氨气减排', '除臭', '恶臭治理'], weight: 1, fields: ['green-low-carbon', 'modern-agriculture'] },
  ],
});

export function testAnalyzer(): Analyzer {
  return new Analyzer(Segmenter.load(TEST_DICTIONARY));
}

export function testEngine(): RankingEngine {
  return new RankingEngine(new CandidateIndex(testAnalyzer()), TEST_THESAURUS);
}

let n = 0;

/** A team profile with sensible defaults; `over` sets what the test is about. */
export function profile(over: Partial<ProfileContent> & { id?: string; version?: number } = {}) {
  n++;
  const content: ProfileContent = {
    kind: 'team',
    name: `测试团队${n}`,
    orgId: `org-test-${n}`,
    orgName: `测试单位${n}`,
    districtCode: '500106',
    region: 'chongqing',
    city: '重庆',
    fields: [],
    capabilities: '通用技术咨询',
    pastWork: [],
    keywords: [],
    maxLoad: 5,
    affiliations: [],
    suspended: false,
    willingness: 'neutral',
    ...over,
  };
  return { id: over.id ?? `cand-${n}`, version: over.version ?? 1, content };
}

export function add(engine: RankingEngine, p: ReturnType<typeof profile>, extra: Partial<CandidateFacts> = {}): void {
  const { content } = p;
  const facts: CandidateFacts = {
    id: p.id,
    kind: content.kind,
    name: content.name,
    orgId: content.orgId,
    orgName: content.orgName,
    districtCode: content.districtCode,
    region: content.region,
    fields: content.fields,
    maxLoad: content.maxLoad,
    openLoad: 0,
    affiliations: content.affiliations,
    suspended: content.suspended,
    willingness: content.willingness,
    reputation: EMPTY_TALLY,
    disputes: [],
    version: p.version,
    ...extra,
  };
  engine.index.upsert(facts, engine.index.analyze(content));
}

export function need(over: Partial<Need> = {}): Need {
  return {
    title: '',
    text: '',
    keywords: [],
    fields: [],
    districtCode: '500112',
    enterpriseOrgId: 'org-ent-1',
    relatedOrgIds: [],
    wants: 'team',
    ...over,
  };
}
