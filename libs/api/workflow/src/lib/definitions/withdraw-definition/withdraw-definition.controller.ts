import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { DefinitionStatusView } from '@banjie/contracts';
import { WithdrawDefinitionCommand } from './withdraw-definition.command';

@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class WithdrawDefinitionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':key/withdraw')
  @HttpCode(200)
  @Roles('designer')
  @ApiOperation({ summary: 'Withdraw a flow of your zone: it starts no new case (409 definition_withdrawn), running cases go on' })
  withdraw(@Param('key') key: string, @CurrentActor() actor: Actor): Promise<DefinitionStatusView> {
    return this.commandBus.execute(new WithdrawDefinitionCommand(key, true, actor));
  }

  @Post(':key/restore')
  @HttpCode(200)
  @Roles('designer')
  @ApiOperation({ summary: 'Restore a withdrawn flow of your zone: it starts cases again' })
  restore(@Param('key') key: string, @CurrentActor() actor: Actor): Promise<DefinitionStatusView> {
    return this.commandBus.execute(new WithdrawDefinitionCommand(key, false, actor));
  }
}
