import { DISTRICTS, FIELDS, type CandidateKind, type FieldCode } from '@jiebang/contracts';
import { tallyOf, type CandidateFacts, type CandidateText } from '@jiebang/matching-service/src/engine';
import { candidates, thesaurusJson } from './seeds';

/** mulberry32: a tiny seeded PRNG, so every run generates the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['工艺优化', '失效分析', '检测评价', '仿真模拟', '中试放大', '现场诊断', '方案设计', '质量改进', '技术培训', '标准制定'];
const EQUIPMENT = ['扫描电镜', 'X射线衍射仪', '三坐标测量机', '红外热像仪', '气相色谱仪', '疲劳试验机', '激光粒度仪', '振动测试系统'];
const INDUSTRIES = ['汽车零部件', '摩托车', '电子元器件', '精细化工', '火锅食品', '生猪养殖', '建材', '中药材', '装备制造', '储能'];
const SUFFIX: Record<CandidateKind, string[]> = {
  team: ['科技特派员团', '技术服务队', '专家服务团'],
  solver: ['重点实验室', '工程技术研究中心', '研究所', '研发中心'],
  expert: ['研究员', '教授', '高级工程师'],
};

/** Terms per field, from the seed thesaurus (technical side) and the seed candidates' keywords: real domain vocabulary. */
function vocabulary(): Map<FieldCode, string[]> {
  const byField = new Map<FieldCode, Set<string>>(FIELDS.map((f) => [f.code, new Set<string>()]));
  const thesaurus = thesaurusJson() as { entries: { technical: string[]; fields?: FieldCode[] }[] };
  for (const e of thesaurus.entries) for (const f of e.fields ?? []) e.technical.forEach((t) => byField.get(f)!.add(t));
  for (const c of candidates()) for (const f of c.fields) c.keywords.forEach((k) => byField.get(f)!.add(k));
  return new Map([...byField].map(([f, terms]) => [f, [...terms]]));
}

export interface GeneratedProfile {
  text: CandidateText;
  facts: CandidateFacts;
  capabilities: string;
}

/** Deterministic uuid-shaped ids (Postgres accepts them; the benchmark tables use uuid like the service). */
export function generatedId(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/**
 * `n` candidate profiles written from real domain vocabulary with sentence templates: 50 % teams, 35 % solvers,
 * 15 % experts, one or two fields each, every district, some Sichuan, ratings, loads. Same seed, same corpus.
 */
export function generateProfiles(n: number, seed = 20260301): GeneratedProfile[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const vocab = vocabulary();
  const profiles: GeneratedProfile[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const kind: CandidateKind = r < 0.5 ? 'team' : r < 0.85 ? 'solver' : 'expert';
    const fields = random() < 0.3 ? [pick(FIELDS).code, pick(FIELDS).code] : [pick(FIELDS).code];
    const terms = fields.flatMap((f) => vocab.get(f)!);
    const t = () => pick(terms);
    const sichuan = random() < 0.04;
    const district = sichuan ? null : pick(DISTRICTS);
    const fieldName = FIELDS.find((f) => f.code === fields[0])!.name;
    const name = `${district?.name ?? '成都'}${fieldName}${pick(SUFFIX[kind])}${i}`;
    const capabilities = [
      `长期从事${t()}、${t()}与${t()}研究，服务${pick(INDUSTRIES)}和${pick(INDUSTRIES)}企业。`,
      `擅长${t()}和${t()}，可提供${pick(METHODS)}与${pick(METHODS)}。`,
      `拥有${pick(EQUIPMENT)}、${pick(EQUIPMENT)}等设备，能够开展${t()}检测与${t()}分析。`,
    ].join('');
    const pastWork = [
      `为${pick(DISTRICTS).name}某${pick(INDUSTRIES)}企业开展${t()}攻关，不良率由${2 + Math.floor(random() * 8)}%降至${(random()).toFixed(1)}%`,
      `${t()}${pick(METHODS)}项目`,
    ];
    const keywords = Array.from({ length: 4 + Math.floor(random() * 4) }, t);
    const maxLoad = 3 + Math.floor(random() * 10);
    const ratings = Array.from({ length: Math.floor(random() * 8) }, () => ({
      score: 1 + Math.floor(random() * 5),
      at: new Date(Date.UTC(2025, Math.floor(random() * 22), 1 + Math.floor(random() * 27))),
    }));
    const id = generatedId(i);
    profiles.push({
      capabilities,
      text: { name, keywords, capabilities, pastWork },
      facts: {
        id,
        kind,
        name,
        orgId: `org-gen-${i % 20000}`,
        orgName: name,
        districtCode: district?.code ?? null,
        region: sichuan ? 'sichuan' : 'chongqing',
        fields,
        maxLoad,
        openLoad: Math.floor(random() * maxLoad),
        affiliations: [],
        suspended: random() < 0.01,
        willingness: pick(['very-high', 'high', 'neutral', 'neutral', 'low'] as const),
        reputation: tallyOf(ratings, 365),
        disputes: [],
        version: 1,
      },
    });
  }
  return profiles;
}

/** Need texts for batch benchmarks, in an owner's words with some technical terms, from the same vocabulary. */
export function generateNeeds(n: number, seed = 7): { title: string; text: string; field: FieldCode; districtCode: string }[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const vocab = vocabulary();
  return Array.from({ length: n }, () => {
    const field = pick(FIELDS).code;
    const t = () => pick(vocab.get(field)!);
    return {
      field,
      districtCode: pick(DISTRICTS).code,
      title: `${t()}问题攻关`,
      text: `我们公司生产${pick(INDUSTRIES)}产品，最近${t()}问题突出，${t()}也不稳定，希望找团队来厂里做${pick(METHODS)}，改进${t()}。`,
    };
  });
}
