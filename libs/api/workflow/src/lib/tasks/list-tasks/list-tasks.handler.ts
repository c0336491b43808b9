import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkingCalendars, isProvinceWide } from '@banjie/api-core';
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

  async execute({ filter, actor }: ListTasksQuery): Promise<TaskView[]> {
    await this.projections.catchUp();
    const base: TaskFilter = { zoneId: isProvinceWide(actor) ? undefined : actor.zoneId, status: filter.status ?? 'open' };
    const candidate = { userId: actor.id, groups: actor.groups };
    let tasks: InboxTask[];
    switch (filter.scope) {
      case 'all':
        tasks = this.inbox.list(base);
        break;
      case 'mine':
        tasks = this.inbox.list({ ...base, assignee: actor.id });
        break;
      case 'candidate':
        tasks = this.inbox.list({ ...base, candidate });
        break;
      default:
        tasks = [...this.inbox.list({ ...base, assignee: actor.id }), ...this.inbox.list({ ...base, candidate })];
    }
    return tasks.map((task) => this.calendars.markTask(task.zoneId, toTaskView(task)));
  }
}

function toTaskView(task: InboxTask): TaskView {
  const view: TaskView & { zoneId?: string } = { ...task };
  delete view.zoneId;
  return view;
}
