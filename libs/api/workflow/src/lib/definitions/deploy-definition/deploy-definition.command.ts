import { Command } from '@nestjs/cqrs';
import type { Actor, Deployment } from '@banjie/api-core';

/** Deploy a BPMN model (with its forms) to a zone. */
export class DeployDefinitionCommand extends Command<Deployment> {
  constructor(
    readonly xml: string,
    readonly forms: Record<string, unknown>,
    readonly zoneId: string,
    readonly actor?: Actor,
  ) {
    super();
  }
}
