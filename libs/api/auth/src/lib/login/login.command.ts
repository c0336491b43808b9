import { Command } from '@nestjs/cqrs';
import type { LoginResponse } from '@banjie/contracts';

/** Sign in with a username and password, from a client address (the throttle counts failures per both). */
export class LoginCommand extends Command<LoginResponse> {
  constructor(
    readonly username: string,
    readonly password: string,
    readonly clientAddress = 'unknown',
  ) {
    super();
  }
}
