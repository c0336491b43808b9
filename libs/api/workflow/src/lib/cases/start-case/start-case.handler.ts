import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, DefinitionRegistry, zoneOfDefinition } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { randomUUID } from 'node:crypto';
import { StartCaseCommand } from './start-case.command';

@CommandHandler(StartCaseCommand)
export class StartCaseHandler implements ICommandHandler<StartCaseCommand> {
  constructor(
    private readonly definitions: DefinitionRegistry,
    private readonly cases: CaseCommands,
  ) {}

  async execute(command: StartCaseCommand): Promise<CaseView> {
    const zoneId = await zoneOfDefinition(this.definitions, command.actor, command.definitionKey, command.zoneId);
    const definition = zoneId === undefined ? undefined : await this.definitions.find(zoneId, command.definitionKey, command.version);
    if (!definition) {
      throw ApiError.notFound(command.version === undefined ? `Definition ${command.definitionKey}` : `Definition ${command.definitionKey} version ${command.version}`);
    }
    if (await this.definitions.isWithdrawn(definition.zoneId, definition.key)) {
      throw new ApiError('definition_withdrawn', `Definition ${definition.key} is withdrawn: it starts no new case (its designer can restore it)`);
    }
    const caseId = randomUUID();
    const outcome = await this.cases.start({
      caseId,
      actor: command.actor,
      correlationId: command.correlationId,
      command: {
        type: 'StartCase',
        caseId,
        definitionKey: definition.key,
        version: definition.version,
        zoneId: definition.zoneId,
        businessKey: command.businessKey,
        variables: command.variables,
      },
    });
    return outcome.view;
  }
}
