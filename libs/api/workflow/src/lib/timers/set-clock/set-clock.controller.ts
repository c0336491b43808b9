import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, CLOCK, type Clock } from '@banjie/api-core';
import { Roles } from '@banjie/api-auth';
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
  set(@Body() body: SetClockDto): Promise<{ now: string; firedTimers: number }> {
    if (this.clock.mode !== 'manual') throw ApiError.notFound('The test clock (start with BANJIE_CLOCK=manual)');
    return this.commandBus.execute(new SetClockCommand(body.now));
  }
}
