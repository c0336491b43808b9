import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiAuthModule } from '@banjie/api-auth';
import { ApiCoreModule, ApiExceptionFilter, type ApiCoreOptions } from '@banjie/api-core';
import { ApiProjectionsModule } from '@banjie/api-projections';
import { ApiWorkflowModule } from '@banjie/api-workflow';
import { HealthController } from '../operations/health.controller';
import { MetricsController } from '../operations/metrics.controller';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { validationPipe } from './validation-pipe';

/** The api: core services, read models, auth and the workflow use cases, wired once. */
@Module({})
export class AppModule {
  static register(options: ApiCoreOptions): DynamicModule {
    const persistent = options.config.store !== 'memory';
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ApiCoreModule.forRoot(options),
        ApiProjectionsModule.forRoot({ dataDir: persistent ? (options.config.readModelDir ?? options.config.dataDir) : undefined }),
        ApiAuthModule.forRoot({ dataDir: persistent ? options.config.dataDir : undefined }),
        ApiWorkflowModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
