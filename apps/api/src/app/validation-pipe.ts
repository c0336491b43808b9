import { ValidationPipe } from '@nestjs/common';
import { ApiError } from '@banjie/api-core';

/** Validates every DTO: unknown fields and wrong types are a 400 `bad_request` naming the fields. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const details = errors.flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is not valid` }).map((message) => ({ field: e.property, message })));
    return ApiError.badRequest(details.map((d) => d.message).join('; ') || 'The request is not valid', details);
  },
});
