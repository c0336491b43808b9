import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, isProvinceWide } from '@banjie/api-core';
import { DefinitionList, MessageSubscriptions, ProjectionRunner } from '@banjie/api-projections';
import { randomUUID } from 'node:crypto';
import { CorrelateMessageCommand } from './correlate-message.command';

/**
 * Finds the waiting cases in the message-subscriptions read model (after it caught up with this
 * process's writes) and sends each a `CorrelateMessage`; a case that no longer waits is skipped.
 * 404 when nothing waited and no definition starts on the message.
 */
@CommandHandler(CorrelateMessageCommand)
export class CorrelateMessageHandler implements ICommandHandler<CorrelateMessageCommand> {
  constructor(
    private readonly subscriptions: MessageSubscriptions,
    private readonly definitions: DefinitionList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ name, correlationKey, variables, actor, correlationId }: CorrelateMessageCommand): Promise<{ caseIds: string[] }> {
    await this.projections.catchUp();
    const zoneId = isProvinceWide(actor) ? undefined : actor.zoneId;
    const caseIds: string[] = [];
    for (const caseId of this.subscriptions.waitingCases(name, correlationKey, zoneId)) {
      try {
        await this.cases.execute({ caseId, actor, correlationId, command: { type: 'CorrelateMessage', name, correlationKey, variables } });
        caseIds.push(caseId);
      } catch (error) {
        if (!(error instanceof ApiError) || (error.code !== 'conflict' && error.code !== 'not_found')) throw error;
      }
    }
    for (const definition of this.definitions.startedByMessage(name, zoneId)) {
      const caseId = randomUUID();
      await this.cases.start({
        caseId,
        actor,
        correlationId,
        command: { type: 'StartCase', caseId, definitionKey: definition.key, version: definition.version, zoneId: definition.zoneId, businessKey: correlationKey, variables, messageName: name },
      });
      caseIds.push(caseId);
    }
    if (caseIds.length === 0) throw ApiError.notFound(`No case waits for message ${name} with key ${correlationKey}`);
    return { caseIds };
  }
}
