import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { DefinitionStatusView } from '@banjie/contracts';

/** Withdraw a flow (`withdrawn: true`: no new cases, running ones go on) or restore it. */
export class WithdrawDefinitionCommand extends Command<DefinitionStatusView> {
  constructor(
    readonly key: string,
    readonly withdrawn: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}
