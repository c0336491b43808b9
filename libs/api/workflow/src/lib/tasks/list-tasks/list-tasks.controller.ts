import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPage, type Actor, type Page } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { TaskView } from '@banjie/contracts';
import { ListTasksDto } from './list-tasks.dto';
import { ListTasksQuery } from './list-tasks.query';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class ListTasksController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('clerk', 'agent', 'leader', 'auditor', 'admin')
  @ListPage()
  @ApiOperation({ summary: 'Tasks of your inbox, oldest first, a page at a time (X-Next-Cursor)' })
  list(@QueryString() filter: ListTasksDto, @CurrentActor() actor: Actor): Promise<Page<TaskView>> {
    return this.queryBus.execute(new ListTasksQuery(filter, actor));
  }
}
