import { Command } from '@nestjs/cqrs';
import type { LoginResponse } from '@banjie/contracts';

/** Sign in with a username and password. */
export class LoginCommand extends Command<LoginResponse> {
  constructor(
    readonly username: string,
    readonly password: string,
  ) {
    super();
  }
}
