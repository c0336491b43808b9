import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ApiError } from '@banjie/api-core';

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
