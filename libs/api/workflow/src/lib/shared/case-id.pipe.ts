import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '@banjie/api-core';

/** Case ids are UUIDs: anything else cannot name a case, so it is a 404, not a 400. */
export const caseIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('Case') });
