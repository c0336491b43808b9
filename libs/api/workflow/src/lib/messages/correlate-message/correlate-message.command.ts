import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';

/** Deliver a message to every case waiting for it, and start the cases of definitions that begin with it. */
export class CorrelateMessageCommand extends Command<{ caseIds: string[] }> {
  constructor(
    readonly name: string,
    readonly correlationKey: string,
    readonly variables: Record<string, unknown> | undefined,
    readonly actor: Actor,
    readonly correlationId?: string,
    /** The id of the event that sent the message (another case's `MessageSent`): each case takes it once. */
    readonly deliveryId?: string,
  ) {
    super();
  }
}
