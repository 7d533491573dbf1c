/** Thrown when a template names a variable the event does not provide: caught by tests, never shown to a user. */
export class TemplateVariableMissing extends Error {
  constructor(readonly variable: string) {
    super(`template variable "${variable}" is missing`);
  }
}

/** Renders `{{name}}` placeholders; every placeholder must have a value. */
export function render(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined || value === null || value === '') throw new TemplateVariableMissing(name);
    return String(value);
  });
}
