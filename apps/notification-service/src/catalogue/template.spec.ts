import { placeholders, render, renderTemplate, TemplateVariableMissing } from './template';

describe('template', () => {
  it('replaces every placeholder, spaces inside braces allowed', () => {
    expect(render('榜单《{{title}}》悬赏 {{ bounty }} 万元', { title: '气孔缺陷', bounty: 200 })).toBe('榜单《气孔缺陷》悬赏 200 万元');
  });

  it('refuses a missing or empty variable rather than printing a hole', () => {
    expect(() => render('{{title}}：{{who}}', { title: 'x' })).toThrow(new TemplateVariableMissing('who'));
    expect(() => render('{{who}}', { who: '' })).toThrow(TemplateVariableMissing);
  });

  it('keeps a zero', () => {
    expect(render('{{n}} 条', { n: 0 })).toBe('0 条');
  });

  it('lists the variables of title, body and link once each', () => {
    expect(placeholders({ title: '{{a}}', body: '{{b}} {{a}}', link: '/x/{{c}}' })).toEqual(['a', 'b', 'c']);
    expect(renderTemplate({ title: '{{a}}', body: '{{b}}', link: '/x/{{a}}' }, { a: 1, b: 2 })).toEqual({ title: '1', body: '2', link: '/x/1' });
  });
});
