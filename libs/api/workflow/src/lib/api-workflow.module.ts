import { Module } from '@nestjs/common';
import { CalendarBook } from './calendar/calendar-book';
import { CalendarController } from './calendar/calendar.controller';
import { CaseEventsController } from './cases/case-events/case-events.controller';
import { CaseEventsHandler } from './cases/case-events/case-events.handler';
import { CaseLiveController } from './cases/case-live/case-live.controller';
import { CaseStateController } from './cases/case-state/case-state.controller';
import { CaseStateHandler } from './cases/case-state/case-state.handler';
import { CancelCaseController } from './cases/cancel-case/cancel-case.controller';
import { CancelCaseHandler } from './cases/cancel-case/cancel-case.handler';
import { GetCaseController } from './cases/get-case/get-case.controller';
import { GetCaseHandler } from './cases/get-case/get-case.handler';
import { ListCasesController } from './cases/list-cases/list-cases.controller';
import { ListCasesHandler } from './cases/list-cases/list-cases.handler';
import { SetVariablesController } from './cases/set-variables/set-variables.controller';
import { SetVariablesHandler } from './cases/set-variables/set-variables.handler';
import { StartCaseController } from './cases/start-case/start-case.controller';
import { StartCaseHandler } from './cases/start-case/start-case.handler';
import { SubmitEvaluationController } from './cases/submit-evaluation/submit-evaluation.controller';
import { SubmitEvaluationHandler } from './cases/submit-evaluation/submit-evaluation.handler';
import { VerifyCaseController } from './cases/verify-case/verify-case.controller';
import { VerifyCaseHandler } from './cases/verify-case/verify-case.handler';
import { DeployDefinitionController } from './definitions/deploy-definition/deploy-definition.controller';
import { DeployDefinitionHandler } from './definitions/deploy-definition/deploy-definition.handler';
import { WithdrawDefinitionController } from './definitions/withdraw-definition/withdraw-definition.controller';
import { WithdrawDefinitionHandler } from './definitions/withdraw-definition/withdraw-definition.handler';
import { GetDefinitionController } from './definitions/get-definition/get-definition.controller';
import { GetDefinitionHandler } from './definitions/get-definition/get-definition.handler';
import { ListDefinitionsController } from './definitions/list-definitions/list-definitions.controller';
import { ListDefinitionsHandler } from './definitions/list-definitions/list-definitions.handler';
import { ActivateJobsController } from './jobs/activate-jobs/activate-jobs.controller';
import { ActivateJobsHandler } from './jobs/activate-jobs/activate-jobs.handler';
import { CompleteJobController } from './jobs/complete-job/complete-job.controller';
import { FailJobController } from './jobs/fail-job/fail-job.controller';
import { FailJobHandler } from './jobs/fail-job/fail-job.handler';
import { JobCommands } from './jobs/job-commands';
import { ThrowJobErrorController } from './jobs/throw-job-error/throw-job-error.controller';
import { ThrowJobErrorHandler } from './jobs/throw-job-error/throw-job-error.handler';
import { UpdateJobController } from './jobs/update-job/update-job.controller';
import { UpdateJobHandler } from './jobs/update-job/update-job.handler';
import { CompleteJobHandler } from './jobs/complete-job/complete-job.handler';
import { ListIncidentsController } from './incidents/list-incidents/list-incidents.controller';
import { ListIncidentsHandler } from './incidents/list-incidents/list-incidents.handler';
import { ResolveIncidentController } from './incidents/resolve-incident/resolve-incident.controller';
import { ResolveIncidentHandler } from './incidents/resolve-incident/resolve-incident.handler';
import { JobWorkers } from './jobs/job-workers/job-workers';
import { CaseMessageDispatcher } from './messages/case-message-dispatcher/case-message-dispatcher';
import { CorrelateMessageController } from './messages/correlate-message/correlate-message.controller';
import { CorrelateMessageHandler } from './messages/correlate-message/correlate-message.handler';
import { CaseAccess } from './shared/case-access';
import { TaskAccess } from './shared/task-access';
import { GetStatsController } from './stats/get-stats/get-stats.controller';
import { GetStatsHandler } from './stats/get-stats/get-stats.handler';
import { GetHeatController } from './stats/get-heat/get-heat.controller';
import { GetHeatHandler } from './stats/get-heat/get-heat.handler';
import { AssignTaskController } from './tasks/assign-task/assign-task.controller';
import { AssignTaskHandler } from './tasks/assign-task/assign-task.handler';
import { ClaimTaskController } from './tasks/claim-task/claim-task.controller';
import { ClaimTaskHandler } from './tasks/claim-task/claim-task.handler';
import { CompleteTaskController } from './tasks/complete-task/complete-task.controller';
import { CompleteTaskHandler } from './tasks/complete-task/complete-task.handler';
import { ListTasksController } from './tasks/list-tasks/list-tasks.controller';
import { ListTasksHandler } from './tasks/list-tasks/list-tasks.handler';
import { UnclaimTaskController } from './tasks/unclaim-task/unclaim-task.controller';
import { UnclaimTaskHandler } from './tasks/unclaim-task/unclaim-task.handler';
import { SetClockController } from './timers/set-clock/set-clock.controller';
import { SetClockHandler } from './timers/set-clock/set-clock.handler';
import { TimerScheduler } from './timers/timer-scheduler/timer-scheduler';
import { TimerStarts } from './timers/timer-starts/timer-starts';
import { WorkflowRuntime } from './workflow-runtime';
import { ZoneLiveController } from './zones/zone-live/zone-live.controller';

export const commandHandlers = [
  DeployDefinitionHandler,
  WithdrawDefinitionHandler,
  StartCaseHandler,
  CancelCaseHandler,
  SetVariablesHandler,
  ResolveIncidentHandler,
  SubmitEvaluationHandler,
  ClaimTaskHandler,
  UnclaimTaskHandler,
  AssignTaskHandler,
  CompleteTaskHandler,
  CorrelateMessageHandler,
  CompleteJobHandler,
  ActivateJobsHandler,
  FailJobHandler,
  ThrowJobErrorHandler,
  UpdateJobHandler,
  SetClockHandler,
];

export const queryHandlers = [
  ListDefinitionsHandler,
  GetDefinitionHandler,
  ListCasesHandler,
  GetCaseHandler,
  CaseEventsHandler,
  CaseStateHandler,
  VerifyCaseHandler,
  ListTasksHandler,
  GetStatsHandler,
  GetHeatHandler,
  ListIncidentsHandler,
];

export const controllers = [
  DeployDefinitionController,
  WithdrawDefinitionController,
  ListDefinitionsController,
  GetDefinitionController,
  StartCaseController,
  ListCasesController,
  GetCaseController,
  CancelCaseController,
  SetVariablesController,
  ListIncidentsController,
  ResolveIncidentController,
  CaseEventsController,
  CaseStateController,
  VerifyCaseController,
  CaseLiveController,
  SubmitEvaluationController,
  ListTasksController,
  ClaimTaskController,
  UnclaimTaskController,
  AssignTaskController,
  CompleteTaskController,
  CorrelateMessageController,
  ActivateJobsController,
  CompleteJobController,
  FailJobController,
  ThrowJobErrorController,
  UpdateJobController,
  GetStatsController,
  GetHeatController,
  SetClockController,
  ZoneLiveController,
  CalendarController,
];

/** Every use case of the workflow: definitions, cases, tasks, messages, jobs, timers, calendars, statistics, live streams. */
@Module({
  controllers,
  providers: [...commandHandlers, ...queryHandlers, CaseAccess, TaskAccess, JobCommands, JobWorkers, TimerScheduler, TimerStarts, CalendarBook, CaseMessageDispatcher, WorkflowRuntime],
  exports: [WorkflowRuntime, JobWorkers, TimerScheduler, TimerStarts, CalendarBook],
})
export class ApiWorkflowModule {}
