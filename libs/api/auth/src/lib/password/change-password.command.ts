import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { LoginResponse } from '@banjie/contracts';

/** The signed-in user changes its own password, from a client address (wrong guesses are throttled as sign-ins). */
export class ChangePasswordCommand extends Command<LoginResponse> {
  constructor(
    readonly actor: Actor,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly clientAddress = 'unknown',
  ) {
    super();
  }
}
