import { ApiError, fieldErrors, namePath, unwrap } from './errors';

const refusal = (details: ApiError['body']['details'], message = '请求参数不合法：title 太长') =>
  new ApiError(400, { code: 'VALIDATION_FAILED', message, details });

describe('API errors as the console shows them', () => {
  it('maps the listed fields onto the form, array items included, and ignores fields the form lacks', () => {
    const error = refusal({
      field: 'title',
      fields: [
        { field: 'title', message: '字符串太长：应当 <=120 个字符' },
        { field: 'indicators.1', message: '字符串太短：应当 >=1 个字符' },
        { field: '(body)', message: '无法识别的键' },
      ],
    });
    expect(fieldErrors(error, ['title', 'indicators'])).toEqual([
      { name: ['title'], errors: ['字符串太长：应当 <=120 个字符'] },
      { name: ['indicators', 1], errors: ['字符串太短：应当 >=1 个字符'] },
    ]);
  });

  it('uses the error message for a single details.field', () => {
    const error = refusal({ field: 'districtCode' }, '榜单所在区县须与企业注册所在区县一致');
    expect(fieldErrors(error, ['districtCode'])).toEqual([{ name: ['districtCode'], errors: ['榜单所在区县须与企业注册所在区县一致'] }]);
  });

  it('splits API field paths into name paths', () => {
    expect(namePath('milestones.2.trancheYuan')).toEqual(['milestones', 2, 'trancheYuan']);
  });

  it('keeps the service wording and the current state of a 409', async () => {
    const body = { code: 'CHALLENGE_INVALID_STATE', message: '只有草稿或退回修改的榜单可以提交', details: { currentState: 'SUBMITTED' } };
    const response = new Response(JSON.stringify(body), { status: 409 });
    const error = await unwrap(Promise.resolve({ error: body, response })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: '只有草稿或退回修改的榜单可以提交', currentState: 'SUBMITTED' });
  });

  it('words an error without a body (a proxy 502) for people', async () => {
    const error = (await unwrap(Promise.resolve({ error: undefined, response: new Response(null, { status: 502 }) })).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('服务暂时不可用，请稍后重试');
  });
});
