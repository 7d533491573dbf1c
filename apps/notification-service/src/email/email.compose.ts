import type { DeliveryContent } from '../catalogue/channel-input';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const FOOTER = '此邮件由揭榜挂帅 · 科技特派员协同平台自动发送，请勿直接回复。如需调整接收方式，请登录平台进入“通知设置”。';

/** The e-mail of one notice (or of a digest, whose body is already the list). Plain text first; HTML mirrors it. */
export function composeEmail(content: DeliveryContent, webBaseUrl: string): Email {
  const url = new URL(content.link, webBaseUrl).toString();
  const paragraphs = content.body.split('\n');
  return {
    subject: `【揭榜挂帅】${content.title}`,
    text: `${content.body}\n\n查看详情：${url}\n\n—\n${FOOTER}\n`,
    html: [
      `<p style="font-size:16px;font-weight:bold">${escape(content.title)}</p>`,
      ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
      `<p><a href="${escape(url)}">查看详情</a></p>`,
      `<hr><p style="color:#888;font-size:12px">${escape(FOOTER)}</p>`,
    ].join('\n'),
  };
}
