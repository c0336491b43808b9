import { Query } from '@nestjs/cqrs';
import type { Actor, Page } from '@banjie/api-core';
import type { TaskView } from '@banjie/contracts';
import type { ListTasksDto } from './list-tasks.dto';

/** One page of the caller's inbox. */
export class ListTasksQuery extends Query<Page<TaskView>> {
  constructor(
    readonly filter: ListTasksDto,
    readonly actor: Actor,
  ) {
    super();
  }
}
