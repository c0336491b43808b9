import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DefinitionRegistry, type Deployment } from '@banjie/api-core';
import { DeployDefinitionCommand } from './deploy-definition.command';

@CommandHandler(DeployDefinitionCommand)
export class DeployDefinitionHandler implements ICommandHandler<DeployDefinitionCommand> {
  constructor(private readonly definitions: DefinitionRegistry) {}

  execute({ xml, forms, zoneId, actor, decisions }: DeployDefinitionCommand): Promise<Deployment> {
    return this.definitions.deploy(xml, forms, zoneId, actor, decisions);
  }
}
