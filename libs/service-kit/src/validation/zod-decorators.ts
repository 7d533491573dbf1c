import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

// OpenAPI 3.0 and JSON Schema differ in corners (e.g. `const`); Swagger UI renders these schemas fine.
function jsonSchema(schema: z.ZodType): never {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as never;
}

/** The request body, validated by `schema`; the OpenAPI document shows the same schema. */
export const ZodBody = (schema: z.ZodType): ParameterDecorator => {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    if (key !== undefined) ApiBody({ schema: jsonSchema(schema) })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
};

/** Query parameters, validated by a (strict) object schema whose properties are documented one by one. */
export const ZodQuery = (schema: z.ZodObject): ParameterDecorator => {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    for (const [name, prop] of Object.entries(schema.shape)) {
      ApiQuery({ name, required: !(prop as z.ZodType).safeParse(undefined).success, schema: jsonSchema(prop as z.ZodType) })(
        target,
        key,
        descriptor,
      );
    }
  };
};

/** A path parameter, validated (e.g. `z.uuid()` so a malformed id is a 400, not a database error). */
export const ZodParam = (name: string, schema: z.ZodType): ParameterDecorator => {
  return (target, key, index) => {
    Param(name, new ZodValidationPipe(schema, name))(target, key, index);
    if (key !== undefined) ApiParam({ name, schema: jsonSchema(schema) })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
};
