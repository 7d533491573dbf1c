import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@jiebang/contracts';
import { z } from 'zod';
import { unstorableTextPath } from './request-text';

// People read these messages; zod's zh-CN locale words the generic ones.
z.config(z.locales.zhCN());

function fieldOf(issue: z.core.$ZodIssue, name: string | undefined): string {
  const path = [name, ...issue.path.map(String)].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys') return [path, issue.keys[0]].filter(Boolean).join('.');
  return path || '(body)';
}

/**
 * Validates and converts a request part with a zod schema. Request schemas are strict objects, so an unknown
 * field is refused (mass assignment), never silently dropped.
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  /** `name`: the parameter validated (e.g. a path parameter), used as the field when the value itself is wrong. */
  constructor(
    private readonly schema: S,
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.infer<S> {
    const bad = unstorableTextPath(value);
    if (bad) {
      const field = [this.name, ...bad].filter(Boolean).join('.') || '(body)';
      throw new DomainError('validation', 'VALIDATION_FAILED', `请求参数不合法：${field} 含有无法保存的字符（空字符 U+0000 或不成对的代理项）`, {
        field,
        fields: [{ field, message: '含有无法保存的字符（空字符 U+0000 或不成对的代理项）' }],
      });
    }
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const fields = result.error.issues.map((issue) => ({ field: fieldOf(issue, this.name), message: issue.message }));
    throw new DomainError('validation', 'VALIDATION_FAILED', `请求参数不合法：${fields[0].field} ${fields[0].message}`, {
      field: fields[0].field,
      fields,
    });
  }
}
