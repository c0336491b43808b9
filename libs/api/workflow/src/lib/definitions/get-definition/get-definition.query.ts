import { Query } from '@nestjs/cqrs';
import type { DefinitionView } from '@banjie/contracts';
import type { Actor } from '@banjie/api-core';

/** One version of a definition (the latest when `version` is undefined), with its XML and forms. */
export class GetDefinitionQuery extends Query<DefinitionView> {
  constructor(
    readonly key: string,
    readonly version: number | undefined,
    readonly actor: Actor,
    /** The zone of the key, as the caller named it (`?zoneId=`). */
    readonly zoneId?: string,
  ) {
    super();
  }
}
