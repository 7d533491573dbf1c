import requestSchemas from './generated/request-schemas.json';

/** The part of JSON Schema the services' request bodies use (zod's `z.toJSONSchema`, OpenAPI 3.0 flavour). */
export interface JsonSchema {
  type?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

type Service = keyof typeof requestSchemas;

/** The request body schema of an operation, as its service's OpenAPI document declares it. */
export function bodySchema<S extends Service>(service: S, operation: keyof (typeof requestSchemas)[S] & string): JsonSchema {
  return (requestSchemas[service] as Record<string, JsonSchema>)[operation];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Why `value` breaks `schema`, in Chinese, or null. The same checks the API makes, so a form refuses what it would. */
export function violation(schema: JsonSchema, value: unknown, what = '该项'): string | null {
  if (value === undefined || value === null) return null;
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return `${what}应为文本`;
      if (schema.minLength !== undefined && value.length < schema.minLength) return schema.minLength === 1 ? `${what}不能为空` : `${what}至少 ${schema.minLength} 个字符`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${what}不能超过 ${schema.maxLength} 个字符`;
      if (schema.enum && !schema.enum.includes(value)) return `${what}不是可选的值`;
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return schema.format === 'date' ? `${what}应为有效日期` : `${what}格式不正确`;
      return null;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) return `${what}应为数字`;
      if (schema.type === 'integer' && !Number.isInteger(value)) return `${what}应为整数`;
      if (schema.minimum !== undefined && value < schema.minimum) return `${what}不能小于 ${schema.minimum}`;
      if (schema.maximum !== undefined && value > schema.maximum) return `${what}不能大于 ${schema.maximum}`;
      return null;
    }
    case 'array': {
      if (!Array.isArray(value)) return `${what}应为列表`;
      if (schema.minItems !== undefined && value.length < schema.minItems) return `${what}至少 ${schema.minItems} 项`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${what}最多 ${schema.maxItems} 项`;
      for (const [i, item] of value.entries()) {
        const problem = schema.items && violation(schema.items, item, `第 ${i + 1} 项`);
        if (problem) return `${what}：${problem}`;
      }
      return null;
    }
    default:
      return null;
  }
}

/** A form rule (Ant Design's shape) that checks one field of a body against its schema. */
export interface SchemaRule {
  required?: boolean;
  message?: string;
  validator?: (rule: unknown, value: unknown) => Promise<void>;
}

/**
 * Rules for one form field from the body schema: required as the API requires it, then its constraints. `toApi`
 * converts what the input holds (万元, a date picker's value) into what the API receives before checking.
 */
export function schemaRules(body: JsonSchema, field: string, label: string, toApi: (value: unknown) => unknown = (v) => v): SchemaRule[] {
  const schema = body.properties?.[field];
  if (!schema) throw new Error(`the API body has no field ${field}`);
  const rules: SchemaRule[] = [];
  // A required key whose value may be empty (null, or a list without minItems) is always sent by the form: nothing
  // for the person to fill in, so no required rule (eligibility.qualifications: [] means "none required").
  const admitsEmpty = schema.nullable === true || (schema.type === 'array' && !schema.minItems);
  if (body.required?.includes(field) && !admitsEmpty) rules.push({ required: true, message: schema.type === 'array' ? `请至少填写一项${label}` : `请填写${label}` });
  rules.push({
    validator: async (_rule, value) => {
      if (isEmpty(value)) return;
      const problem = violation(schema, toApi(value), label);
      if (problem) throw new Error(problem);
    },
  });
  return rules;
}
