import { Command } from '@nestjs/cqrs';
import type { Actor, Deployment } from '@banjie/api-core';

/** Deploy a BPMN model (with its forms and DMN resources) to a zone. */
export class DeployDefinitionCommand extends Command<Deployment> {
  constructor(
    readonly xml: string,
    readonly forms: Record<string, unknown>,
    readonly zoneId: string,
    readonly actor?: Actor,
    /** DMN resources by file name. */
    readonly decisions: Record<string, string> = {},
  ) {
    super();
  }
}
