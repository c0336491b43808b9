import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DefinitionRegistry } from '@banjie/api-core';
import type { DefinitionStatusView } from '@banjie/contracts';
import { WithdrawDefinitionCommand } from './withdraw-definition.command';

@CommandHandler(WithdrawDefinitionCommand)
export class WithdrawDefinitionHandler implements ICommandHandler<WithdrawDefinitionCommand> {
  constructor(private readonly definitions: DefinitionRegistry) {}

  async execute({ key, withdrawn, actor }: WithdrawDefinitionCommand): Promise<DefinitionStatusView> {
    const change = await this.definitions.setWithdrawn(key, withdrawn, actor);
    return { key: change.key, withdrawn: change.withdrawn, changedAt: change.at, changedBy: change.by };
  }
}
