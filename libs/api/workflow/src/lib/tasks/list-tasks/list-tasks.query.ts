import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { TaskView } from '@banjie/contracts';
import type { ListTasksDto } from './list-tasks.dto';

/** The caller's inbox. */
export class ListTasksQuery extends Query<TaskView[]> {
  constructor(
    readonly filter: ListTasksDto,
    readonly actor: Actor,
  ) {
    super();
  }
}
