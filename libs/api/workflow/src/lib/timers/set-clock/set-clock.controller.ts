import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, CLOCK, isProvinceWide, type Actor, type Clock } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import { SetClockCommand } from './set-clock.command';
import { SetClockDto } from './set-clock.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/clock')
export class SetClockController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Set the test clock (only with BANJIE_CLOCK=manual; 404 otherwise); due timers fire at once' })
  set(@Body() body: SetClockDto, @CurrentActor() actor: Actor): Promise<{ now: string; firedTimers: number }> {
    if (this.clock.mode !== 'manual') throw ApiError.notFound('The test clock (start with BANJIE_CLOCK=manual)');
    if (!isProvinceWide(actor)) throw ApiError.forbidden('Only a province-wide admin moves the test clock');
    return this.commandBus.execute(new SetClockCommand(body.now, actor.id));
  }
}
