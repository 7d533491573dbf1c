import type { Template, TemplateVars } from './notice';

/** Thrown when a template names a variable the event does not provide: caught by tests, never shown to a user. */
export class TemplateVariableMissing extends Error {
  constructor(readonly variable: string) {
    super(`template variable "${variable}" is missing`);
    this.name = 'TemplateVariableMissing';
  }
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Renders `{{name}}` placeholders; every placeholder must have a non-empty value. */
export function render(template: string, vars: TemplateVars): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (value === undefined || value === null || value === '') throw new TemplateVariableMissing(name);
    return String(value);
  });
}

export type Rendered = Template;

export function renderTemplate(template: Template, vars: TemplateVars): Rendered {
  return { title: render(template.title, vars), body: render(template.body, vars), link: render(template.link, vars) };
}

/** Every variable a template names, for the catalogue test. */
export function placeholders(template: Template): string[] {
  const text = `${template.title}\n${template.body}\n${template.link}`;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
