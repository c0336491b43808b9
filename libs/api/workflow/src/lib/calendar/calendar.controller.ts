import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, type Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import { ZONES, type NationalCalendarChangeView, type NationalCalendarYearView, type ZoneCalendarChangeView, type ZoneCalendarYearView, type ZoneId } from '@banjie/contracts';
import { CalendarBook } from './calendar-book';
import { calendarYear, calendarYearInput } from './calendar-year-input';

const DAY_LIST = { type: 'array', maxItems: 366, items: { type: 'object', required: ['date', 'name'], properties: { date: { type: 'string', example: '2027-02-05' }, name: { type: 'string', example: '春节' } } } };
const CALENDAR_YEAR_BODY = { schema: { type: 'object', required: ['daysOff', 'workingDays'], properties: { daysOff: DAY_LIST, workingDays: DAY_LIST, note: { type: 'string', maxLength: 200 } } } };

/**
 * The working-day calendars: the State Council's annual holiday notice (national, loaded by the
 * province admin) and each zone's own days off and working days (set by that zone's admin).
 * Every change is an event, and moves the open deadlines it touches.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly book: CalendarBook) {}

  @Get('national')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The national arrangement of the years around now and of every year with a loaded notice, with where each comes from' })
  nationalYears(): NationalCalendarYearView[] {
    return this.book.nationalYears();
  }

  @Get('national/:year')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The national arrangement of one year: notice, package table, or the law only (provisional)' })
  nationalYear(@Param('year') year: string): NationalCalendarYearView {
    return this.book.nationalYear(calendarYear(year));
  }

  @Put('national/:year')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody(CALENDAR_YEAR_BODY)
  @ApiOperation({ summary: 'Load the State Council holiday notice of a year (province admin); open deadlines are counted again' })
  loadNotice(@Param('year') year: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<NationalCalendarChangeView> {
    if (actor.zoneId !== 'province') throw ApiError.forbidden('Only a province-wide admin loads the State Council notice');
    const y = calendarYear(year);
    return this.book.loadNotice(y, calendarYearInput('national', y, body), actor);
  }

  @Get('zones/:zoneId/:year')
  @Roles(...READERS)
  @ApiOperation({ summary: "A zone's own days off and working days of one year" })
  zoneYear(@Param('zoneId') zoneId: string, @Param('year') year: string): ZoneCalendarYearView {
    return this.book.zoneYear(zoneOf(zoneId), calendarYear(year));
  }

  @Put('zones/:zoneId/:year')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody(CALENDAR_YEAR_BODY)
  @ApiOperation({ summary: "Set a zone's own days off and working days of a year (its admin or the province admin); its open deadlines are counted again" })
  setZoneYear(@Param('zoneId') zoneId: string, @Param('year') year: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<ZoneCalendarChangeView> {
    const zone = zoneOf(zoneId);
    if (actor.zoneId !== 'province' && actor.zoneId !== zone) throw ApiError.forbidden(`Only an admin of zone ${zone} or of the province sets its calendar`);
    const y = calendarYear(year);
    return this.book.setZoneYear(zone, y, calendarYearInput('zone', y, body), actor);
  }
}

function zoneOf(value: string): ZoneId {
  if (!(ZONES as readonly string[]).includes(value)) throw ApiError.notFound(`Zone "${value}" (zones: ${ZONES.join(', ')})`);
  return value as ZoneId;
}
