import { DynamicModule, Global, Module } from '@nestjs/common';
import type { EventStore } from '@banjie/event-store';
import { BackgroundWork } from './background/background-work';
import { WorkingCalendars } from './calendar/working-calendars';
import { CaseCommands } from './cases/case-commands';
import { CLOCK, type Clock } from './clock/clock';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DefinitionRegistry } from './definitions/definition-registry';
import { MODEL_COMPILER, type ModelCompiler } from './definitions/model-compiler';
import { ApiMetrics } from './metrics/api-metrics';
import { EVENT_STORE } from './store/event-store.token';
import { WritePositions } from './store/write-positions';

/** What the app hands the core at start: its validated config, its store and its clock. */
export interface ApiCoreOptions {
  config: ApiConfig;
  store: EventStore;
  clock: Clock;
  /** Where models compile (the api: a worker pool); in-process when left out. */
  compiler?: ModelCompiler;
}

const services = [CaseCommands, DefinitionRegistry, WorkingCalendars, WritePositions, ApiMetrics, BackgroundWork];

/** The api's shared services (config, store, clock, case commands, definitions, metrics), global to every feature module. */
@Global()
@Module({})
export class ApiCoreModule {
  static forRoot(options: ApiCoreOptions): DynamicModule {
    const values = [
      { provide: API_CONFIG, useValue: options.config },
      { provide: EVENT_STORE, useValue: options.store },
      { provide: CLOCK, useValue: options.clock },
      ...(options.compiler ? [{ provide: MODEL_COMPILER, useValue: options.compiler }] : []),
    ];
    return { module: ApiCoreModule, providers: [...values, ...services], exports: [...values, ...services] };
  }
}
