import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, CaseRejected, isProvinceWide, isSettledRefusal } from '@banjie/api-core';
import { DefinitionList, MessageSubscriptions, ProjectionRunner } from '@banjie/api-projections';
import { randomUUID } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import { CorrelateMessageCommand } from './correlate-message.command';

const MESSAGE_START_NAMESPACE = '5f0b6a52-8d3e-5c1a-b7e4-2a9c4d6e8f10';

/**
 * Finds the waiting cases in the message-subscriptions read model (after it caught up with this
 * process's writes) and sends each a `CorrelateMessage`; a case that no longer waits is skipped.
 * 404 when nothing waited and no definition starts on the message. A message delivered from
 * another case (`deliveryId`) lands once however often it is sent again: each case holds the
 * delivery ids it took, and the case a message start makes is named after the delivery.
 */
@CommandHandler(CorrelateMessageCommand)
export class CorrelateMessageHandler implements ICommandHandler<CorrelateMessageCommand> {
  constructor(
    private readonly subscriptions: MessageSubscriptions,
    private readonly definitions: DefinitionList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ name, correlationKey, variables, actor, correlationId, deliveryId }: CorrelateMessageCommand): Promise<{ caseIds: string[] }> {
    await this.projections.catchUp();
    const zoneId = isProvinceWide(actor) ? undefined : actor.zoneId;
    const caseIds: string[] = [];
    for (const caseId of this.subscriptions.waitingCases(name, correlationKey, zoneId)) {
      try {
        await this.cases.execute({ caseId, actor, correlationId, deliveryId, command: { type: 'CorrelateMessage', name, correlationKey, variables } });
        caseIds.push(caseId);
      } catch (error) {
        if (!isSettledRefusal(error)) throw error;
      }
    }
    for (const definition of this.definitions.startedByMessage(name, zoneId)) {
      // Named after the delivery and the key; a province-wide delivery can start the same key in several zones, so its names carry the zone too.
      const startName = zoneId === undefined ? `${deliveryId}\n${definition.zoneId}\n${definition.key}` : `${deliveryId}\n${definition.key}`;
      const caseId = deliveryId === undefined ? randomUUID() : uuidV5(startName, MESSAGE_START_NAMESPACE);
      try {
        await this.cases.start({
          caseId,
          actor,
          correlationId,
          deliveryId,
          command: { type: 'StartCase', caseId, definitionKey: definition.key, version: definition.version, zoneId: definition.zoneId, businessKey: correlationKey, variables, messageName: name },
        });
      } catch (error) {
        // the case named after this delivery exists: an earlier run of the same delivery started it
        if (deliveryId === undefined || !(error instanceof CaseRejected) || error.reason !== 'already_done') throw error;
      }
      caseIds.push(caseId);
    }
    if (caseIds.length === 0) throw ApiError.notFound(`No case waits for message ${name} with key ${correlationKey}`);
    return { caseIds };
  }
}
