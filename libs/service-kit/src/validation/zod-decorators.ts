import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { deepStrict, looseObjectPaths } from './strict-schema';
import { ZodValidationPipe } from './zod-validation.pipe';

/** Set on a handler that takes a body; every other command refuses one (see `RefuseUnexpectedBody`). */
export const TAKES_BODY = 'jiebang:takes-body';

// OpenAPI 3.0 and JSON Schema differ in corners (e.g. `const`); Swagger UI renders these schemas fine.
function jsonSchema(schema: z.ZodType): never {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as never;
}

/**
 * The request body, validated by `schema` made strict at every level (`deepStrict`: an unknown field anywhere is a
 * 400 naming it); the OpenAPI document shows the same schema. What `deepStrict` cannot reach (an intersection, an
 * object that chose a catch-all) is refused when the controller loads.
 */
export const ZodBody = (requested: z.ZodType): ParameterDecorator => {
  const schema = deepStrict(requested);
  const loose = looseObjectPaths(schema);
  if (loose.length > 0) throw new Error(`ZodBody: request body objects must be strict (z.strictObject); loose at ${loose.join(', ')}`);
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    Reflect.defineMetadata(TAKES_BODY, true, descriptor.value as object);
    ApiBody({ schema: jsonSchema(schema) })(target, key, descriptor);
  };
};

/** Query parameters, validated by a (strict) object schema whose properties are documented one by one. */
export const ZodQuery = (schema: z.ZodObject): ParameterDecorator => {
  const loose = looseObjectPaths(schema);
  if (loose.length > 0) throw new Error(`ZodQuery: query schemas must be strict (z.strictObject); loose at ${loose.join(', ')}`);
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
