import type { Rejection } from '@banjie/engine';
import { ApiError } from './api-error';

/** An engine `Rejection` (the case's state does not allow the command) as the matching 4xx. */
export function rejectionError(rejection: Rejection): ApiError {
  const details = rejection.details?.map((d) => ({ ...d }));
  return new ApiError(rejection.code, rejection.message, details);
}
