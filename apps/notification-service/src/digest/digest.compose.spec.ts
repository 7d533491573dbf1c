import { SYSTEM_NOTICES } from '../catalogue/system.notices';
import { renderTemplate } from '../catalogue/template';
import { digestVars } from './digest.compose';

describe('digest', () => {
  const items = [
    { title: '辖区企业提交榜单：A', body: '正文 A', link: '/challenges/a', occurredAt: '2026-03-04T16:30:00.000Z' },
    { title: '辖区企业提交榜单：B', body: '正文 B', link: '/challenges/b', occurredAt: '2026-03-05T02:00:00.000Z' },
  ];

  it('numbers the notices with their time in China, and dates the digest in China', () => {
    const vars = digestVars(items, new Date('2026-03-05T23:59:00Z'), 'https://jiebang.example.cn');
    expect(vars).toMatchObject({ date: '2026-03-06', count: 2 });
    expect(vars.items).toBe(
      '1. 辖区企业提交榜单：A（2026/3/5 00:30:00）\n   正文 A\n   https://jiebang.example.cn/challenges/a\n\n' +
        '2. 辖区企业提交榜单：B（2026/3/5 10:00:00）\n   正文 B\n   https://jiebang.example.cn/challenges/b',
    );
  });

  it('fills the digest template', () => {
    const rendered = renderTemplate(SYSTEM_NOTICES.dailyDigest.template, digestVars(items, new Date('2026-03-05T00:00:00Z'), 'http://x'));
    expect(rendered.title).toBe('每日通知摘要（2026-03-05，共 2 条）');
  });
});
