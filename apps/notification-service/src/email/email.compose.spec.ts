import { composeEmail } from './email.compose';

describe('e-mail composition', () => {
  const content = {
    title: '新榜单待论证：电池壳体<气孔>',
    body: '第一段\n第二段 & 更多',
    link: '/challenges/c1',
    occurredAt: '2026-03-05T01:30:00.000Z',
  };

  it('prefixes the subject and makes the link absolute', () => {
    const mail = composeEmail(content, 'https://jiebang.example.cn/app/');
    expect(mail.subject).toBe('【揭榜挂帅】新榜单待论证：电池壳体<气孔>');
    expect(mail.text).toContain('第一段\n第二段 & 更多\n\n查看详情：https://jiebang.example.cn/challenges/c1');
  });

  it('escapes the HTML part', () => {
    const mail = composeEmail(content, 'https://jiebang.example.cn');
    expect(mail.html).toContain('电池壳体&#60;气孔&#62;');
    expect(mail.html).toContain('<p>第二段 &#38; 更多</p>');
    expect(mail.html).not.toContain('<气孔>');
  });
});
