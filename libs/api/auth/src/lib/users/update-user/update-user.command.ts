import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { ManagedUserView, UpdateUserRequest } from '@banjie/contracts';

/** An admin changes a user's name, zone, roles, groups, or deactivates (reactivates) it. */
export class UpdateUserCommand extends Command<ManagedUserView> {
  constructor(
    readonly id: string,
    readonly change: UpdateUserRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
