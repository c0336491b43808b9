import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkingCalendars, isProvinceWide, type Page } from '@banjie/api-core';
import { ProjectionRunner, TaskInbox, type InboxTask, type TaskFilter } from '@banjie/api-projections';
import type { TaskView } from '@banjie/contracts';
import { ListTasksQuery } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(
    private readonly inbox: TaskInbox,
    private readonly projections: ProjectionRunner,
    private readonly calendars: WorkingCalendars,
  ) {}

  async execute({ filter, actor }: ListTasksQuery): Promise<Page<TaskView>> {
    await this.projections.catchUp();
    const base: TaskFilter = { zoneId: isProvinceWide(actor) ? undefined : actor.zoneId, status: filter.status ?? 'open' };
    const reach = { userId: actor.id, groups: actor.groups };
    const scoped: Record<NonNullable<typeof filter.scope> | 'default', TaskFilter> = {
      all: base,
      mine: { ...base, assignee: actor.id },
      candidate: { ...base, candidate: reach },
      default: { ...base, mineOrCandidate: reach },
    };
    const page = this.inbox.page(scoped[filter.scope ?? 'default'], { limit: filter.limit, cursor: filter.cursor });
    return { ...page, rows: page.rows.map((task: InboxTask) => this.calendars.markTask(task.zoneId, toTaskView(task))) };
  }
}

function toTaskView(task: InboxTask): TaskView {
  const view: TaskView & { zoneId?: string } = { ...task };
  delete view.zoneId;
  return view;
}
