import { DynamicModule, Global, Module } from '@nestjs/common';
import { CaseAnchors } from './queries/case-anchors';
import { CaseList } from './queries/case-list';
import { FlowHeat } from './queries/flow-heat';
import { DefinitionList } from './queries/definition-list';
import { IncidentList } from './queries/incident-list';
import { JobList } from './queries/job-list';
import { MessageSubscriptions } from './queries/message-subscriptions';
import { OpenDeadlines } from './queries/open-deadlines';
import { OpenTimers } from './queries/open-timers';
import { SignalSubscriptions } from './queries/signal-subscriptions';
import { TaskInbox } from './queries/task-inbox';
import { ZoneStats } from './queries/zone-stats';
import { READ_MODEL_DB, openReadModelDatabase } from './read-models/read-model-database';
import { ProjectionRunner } from './runner/projection-runner';

const services = [ProjectionRunner, CaseList, TaskInbox, DefinitionList, OpenDeadlines, OpenTimers, MessageSubscriptions, SignalSubscriptions, JobList, IncidentList, CaseAnchors, ZoneStats, FlowHeat];

/** The read models: their SQLite database, the runner that keeps them current, and their queries. */
@Global()
@Module({})
export class ApiProjectionsModule {
  /** `dataDir` undefined keeps the read models in memory (with the memory store). */
  static forRoot(options: { dataDir: string | undefined }): DynamicModule {
    const db = { provide: READ_MODEL_DB, useFactory: () => openReadModelDatabase(options.dataDir) };
    return { module: ApiProjectionsModule, providers: [db, ...services], exports: [db, ...services] };
  }
}
