import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ApiError } from '@banjie/api-core';
import { getMetadataStorage } from 'class-validator';

/**
 * Fields that hold free JSON (variables, form schemas): checked as objects by their DTO, but given
 * to the handler as they came. class-transformer skips every key that `Object.prototype` has
 * (`toString`, `valueOf`, `hasOwnProperty`, …) and Nest's pipe deletes `constructor` and `prototype`,
 * at any depth: a variable with such a name would vanish without a word. (`__proto__` never gets this far: body-limits.ts refuses it.)
 */
const FREE_JSON_FIELDS = ['variables', 'forms'] as const;

/** Validates every DTO: unknown fields and wrong types are a 400 `bad_request` naming the fields. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The hot path (issue 17): a `{variables?}` body that is already right is passed as it came.
    if (metadata.type === 'body' && metadata.metatype && isVariablesOnlyDto(metadata.metatype) && isFineVariablesOnlyBody(value)) return value;
    // Copied first: the pipe deletes `constructor` and `prototype` keys in place, at any depth.
    const free = metadata.type === 'body' && isRecord(value) ? FREE_JSON_FIELDS.filter((f) => isRecord(value[f])).map((f) => [f, structuredClone(value[f])] as const) : [];
    const result: unknown = await super.transform(value, metadata);
    if (!isRecord(result) || result === value) return result;
    for (const [field, original] of free) {
      if (isRecord(result[field])) result[field] = original;
    }
    return result;
  }
}

const variablesOnly = new WeakMap<object, boolean>();

/**
 * Whether the DTO declares nothing but `@IsOptional() @IsObject() variables` (the bodies of task
 * and job completion, the api's hot path), read once per class from class-validator's own metadata.
 */
function isVariablesOnlyDto(metatype: NonNullable<ArgumentMetadata['metatype']>): boolean {
  let known = variablesOnly.get(metatype);
  if (known === undefined) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
    const names = rules.map((rule) => `${rule.propertyName}:${rule.name ?? rule.type}:${String(rule.each)}`).sort();
    known = names.length === 2 && names[0] === 'variables:isObject:false' && names[1] === 'variables:isOptional:false';
    variablesOnly.set(metatype, known);
  }
  return known;
}

/**
 * A body the full pipe would pass unchanged: a parsed JSON object with no field but `variables`,
 * absent, null or an object (class-validator's `isObject`). Every other body takes the full pipe,
 * so each 400 and its message stay the pipe's own; the measured saving is in docs/benchmarks.md.
 */
function isFineVariablesOnlyBody(value: unknown): boolean {
  if (!isRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (key !== 'variables' || !Object.hasOwn(value, key)) return false;
  const variables = value['variables'];
  return variables === undefined || variables === null || isRecord(variables);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const validationPipe = new ApiValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const details = errors.flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is not valid` }).map((message) => ({ field: e.property, message })));
    return ApiError.badRequest(details.map((d) => d.message).join('; ') || 'The request is not valid', details);
  },
});
