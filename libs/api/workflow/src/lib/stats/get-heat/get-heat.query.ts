import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { HeatView } from '@banjie/contracts';

/** Where the active cases of a flow wait, in a zone (the caller's by default). */
export class GetHeatQuery extends Query<HeatView> {
  constructor(
    readonly definitionKey: string,
    readonly zoneId: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
