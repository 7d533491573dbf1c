import { challengeContentSchema } from '@jiebang/contracts';
import { bodySchema, schemaRules, violation } from './schema-rules';

const body = bodySchema('challenge', 'POST /api/v1/challenges');

describe('form rules from the API schema', () => {
  // The console decides as the API does: the same sample values, judged by the console and by the contract's zod schema.
  it.each([
    ['title', ''],
    ['title', '压铸件气孔'],
    ['title', '长'.repeat(120)],
    ['title', '长'.repeat(121)],
    ['bountyYuan', 1_500_000],
    ['bountyYuan', -1],
    ['bountyYuan', 12.5],
    ['deadline', '2027-12-31'],
    ['deadline', '2027-02-30'],
    ['deadline', '2027/12/31'],
    ['keywords', ['压铸', '气孔']],
    ['keywords', ['字'.repeat(31)]],
    ['fields', ['light-metal']],
    ['fields', ['steel']],
    ['fields', ['auto-nev', 'electronics', 'advanced-materials', 'light-metal', 'intelligent-equipment', 'industrial-internet']],
    ['maxWinners', 3],
    ['maxWinners', 4],
  ] as const)('%s = %j', (field, value) => {
    const api = challengeContentSchema.shape[field].safeParse(value).success;
    expect(violation(body.properties![field], value) === null).toBe(api);
  });

  it('requires what the API requires, with the label in the message', async () => {
    const [required, check] = schemaRules(body, 'title', '榜单名称');
    expect(required).toEqual({ required: true, message: '请填写榜单名称' });
    await expect(check.validator!({}, '长'.repeat(121))).rejects.toThrow('榜单名称不能超过 120 个字符');
    expect(schemaRules(body, 'keywords', '关键词').some((r) => r.required)).toBe(false);
  });

  it('does not require a key whose value may be empty, and requires a list that must have items', () => {
    const eligibility = body.properties!.eligibility;
    expect(schemaRules(eligibility, 'qualifications', '资质要求').some((r) => r.required)).toBe(false);
    expect(schemaRules(eligibility, 'solverTypes', '揭榜方类型')[0]).toEqual({ required: true, message: '请至少填写一项揭榜方类型' });
    expect(schemaRules(body.properties!.ipArrangement, 'note', '知识产权说明').some((r) => r.required)).toBe(false);
  });

  it('checks the value the API will receive, e.g. 万元 converted to yuan', async () => {
    const [, check] = schemaRules(body, 'bountyYuan', '悬赏金额', (wan) => Math.round(Number(wan) * 10_000));
    await expect(check.validator!({}, 150)).resolves.toBeUndefined();
    await expect(check.validator!({}, -1)).rejects.toThrow('悬赏金额不能小于 0');
  });
});
