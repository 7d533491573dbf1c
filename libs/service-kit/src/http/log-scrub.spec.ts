import { scrubLogLine } from './log-scrub';

describe('scrubLogLine: no token, password, phone or e-mail survives into a log line', () => {
  it('redacts bearer tokens wherever they appear', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJyb2xlIjoiYnVyZWF1In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(scrubLogLine(`{"msg":"refused Bearer ${jwt} for /x"}`)).toBe('{"msg":"refused Bearer [Redacted:token] for /x"}');
  });

  it('redacts credential fields in JSON and query strings, keeping the line valid JSON', () => {
    const line = scrubLogLine('{"body":{"password":"jiebang-demo","name":"张工"},"url":"/oidc/token?refresh_token=abc&x=1"}');
    expect(JSON.parse(line)).toEqual({ body: { password: '[Redacted]', name: '张工' }, url: '/oidc/token?refresh_token=[Redacted]&x=1' });
  });

  it('redacts e-mail addresses and Chinese phone numbers', () => {
    expect(scrubLogLine('联系人 张工 13800000000 / +86 13912345678 / 138-2301-4417 / 023-68881234 / zhang@yujiang-alu.com.cn')).toBe(
      '联系人 张工 [Redacted:phone] / [Redacted:phone] / [Redacted:phone] / [Redacted:phone] / [Redacted:email]',
    );
  });

  it('leaves ids, timestamps, sequences and ordinary numbers alone', () => {
    const line = '{"time":1764201700000,"eventId":"3f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f","sequence":13800000000123,"districtCode":"500106","bountyYuan":1000000}';
    expect(scrubLogLine(line)).toBe(line);
  });
});
