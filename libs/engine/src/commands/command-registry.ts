import type { EngineCommand } from '../lib/api';
import * as kase from './case.commands';
import type { CommandHandler } from './command-handler';
import * as incident from './incident.commands';
import * as job from './job.commands';
import * as jobUpdate from './job-update.command';
import { startCase } from './start-case.command';
import * as task from './task.commands';
import * as wait from './wait.commands';

type CommandRegistry = { readonly [K in EngineCommand['type']]: CommandHandler<K> };

/** One handler per engine command; the compiler checks none is missing. */
export const commandHandlers = {
  StartCase: startCase,
  ClaimTask: task.claimTask,
  UnclaimTask: task.unclaimTask,
  AssignTask: task.assignTask,
  CompleteTask: task.completeTask,
  CompleteJob: job.completeJob,
  FailJob: job.failJob,
  ThrowError: job.throwErrorForJob,
  UpdateJobRetries: job.updateJobRetries,
  UpdateJob: jobUpdate.updateJob,
  ActivateJob: job.activateJob,
  FireTimer: wait.fireTimer,
  CorrelateMessage: wait.correlateMessage,
  BroadcastSignal: wait.broadcastSignal,
  SetVariables: incident.setVariables,
  ResolveIncident: incident.resolveIncident,
  PauseClock: kase.pauseCaseClock,
  ResumeClock: kase.resumeCaseClock,
  RecomputeDeadlines: kase.recomputeCaseDeadlines,
  SubmitEvaluation: kase.submitEvaluation,
  CancelCase: kase.cancelCase,
} satisfies CommandRegistry;
