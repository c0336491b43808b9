import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CreateUserRequest, ManagedUserView } from '@banjie/contracts';

/** An admin adds a user who may sign in with the given password. */
export class CreateUserCommand extends Command<ManagedUserView> {
  constructor(
    readonly request: CreateUserRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
