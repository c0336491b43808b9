import { DynamicModule, Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '@banjie/api-core';
import { AccessGuard } from './access/access.guard';
import { AccessTokens } from './access/access-tokens';
import { SseTickets } from './access/sse-tickets';
import { LoginController } from './login/login.controller';
import { LoginHandler } from './login/login.handler';
import { LoginThrottle } from './login/login-throttle';
import { LogoutController } from './logout/logout.controller';
import { SseTicketController } from './sse-ticket/sse-ticket.controller';
import { ChangePasswordController } from './password/change-password.controller';
import { ChangePasswordHandler } from './password/change-password.handler';
import { CreateUserController } from './users/create-user/create-user.controller';
import { CreateUserHandler } from './users/create-user/create-user.handler';
import { ListUsersController } from './users/list-users/list-users.controller';
import { UpdateUserController } from './users/update-user/update-user.controller';
import { UpdateUserHandler } from './users/update-user/update-user.handler';
import { UserDirectory } from './users/user-directory';
import { USER_DIRECTORY } from './users/user-directory.token';

const commandHandlers = [LoginHandler, ChangePasswordHandler, CreateUserHandler, UpdateUserHandler];

/** Sign-in (throttled), password changes, the users admins manage, access tokens, live-stream tickets, and the guard that checks token or ticket, role on every route. */
@Global()
@Module({})
export class ApiAuthModule implements OnModuleDestroy {
  constructor(@Inject(USER_DIRECTORY) private readonly users: UserDirectory) {}

  /** `dataDir` undefined keeps the users in memory. */
  static forRoot(options: { dataDir: string | undefined }): DynamicModule {
    return {
      module: ApiAuthModule,
      controllers: [LoginController, LogoutController, ChangePasswordController, SseTicketController, ListUsersController, CreateUserController, UpdateUserController],
      providers: [
        { provide: USER_DIRECTORY, useFactory: () => new UserDirectory(options.dataDir) },
        AccessTokens,
        { provide: SseTickets, useFactory: (config: ApiConfig, users: UserDirectory) => new SseTickets(config.jwtSecret, users), inject: [API_CONFIG, USER_DIRECTORY] },
        { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
        { provide: APP_GUARD, useClass: AccessGuard },
        ...commandHandlers,
      ],
      exports: [USER_DIRECTORY, AccessTokens],
    };
  }

  onModuleDestroy(): void {
    this.users.close();
  }
}
