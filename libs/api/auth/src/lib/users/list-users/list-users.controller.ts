import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, ListPage, canSeeZone, isProvinceWide, type Actor, type Page, type PageRequest } from '@banjie/api-core';
import { ZONES, type ManagedUserView, type UserView, type ZoneId } from '@banjie/contracts';
import { CurrentActor, Roles } from '../../access/access.decorators';
import type { UserDirectory } from '../user-directory';
import { USER_DIRECTORY } from '../user-directory.token';
import { ListUsersDto } from './list-users.dto';

/**
 * `GET /api/users?zoneId=`: the users of a zone (id, name, roles, zone, groups; never a password
 * hash), for a leader choosing a colleague to hand a task to. The zone defaults to the caller's;
 * another zone than one's own answers 404, as for every id of another zone. Deactivated users
 * are left out, unless an admin asks `includeInactive=true` (each user then says whether it is
 * `active`; the province admin may leave `zoneId` out for every zone).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ListUsersController {
  constructor(@Inject(USER_DIRECTORY) private readonly users: UserDirectory) {}

  @Get()
  @Roles('leader', 'admin')
  @ListPage()
  @ApiOperation({ summary: 'Active users of a zone (leaders and admins): [{id, name, roles, zoneId, groups}]; admins may add includeInactive=true; a page at a time (X-Next-Cursor)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersDto): Page<UserView | ManagedUserView> {
    const { zoneId, includeInactive } = query;
    const request = { limit: query.limit, cursor: query.cursor };
    if (includeInactive !== undefined && includeInactive !== 'true' && includeInactive !== 'false') {
      throw new ApiError('bad_request', `includeInactive must be true or false, not ${JSON.stringify(includeInactive)}`);
    }
    if (includeInactive === 'true') return this.managed(actor, zoneId, request);
    const zone = this.visibleZone(actor, zoneId);
    const page = this.users.page({ zoneId: zone, activeOnly: true }, request);
    return { ...page, rows: page.rows.map(({ id, name, roles, zoneId: userZone, groups }) => ({ id, name, roles, zoneId: userZone, groups })) };
  }

  private managed(actor: Actor, zoneId: string | undefined, request: PageRequest): Page<ManagedUserView> {
    if (!actor.roles.includes('admin')) throw ApiError.forbidden('includeInactive=true is for admins');
    if (zoneId === undefined && isProvinceWide(actor)) return this.users.page({ activeOnly: false }, request);
    return this.users.page({ zoneId: this.visibleZone(actor, zoneId), activeOnly: false }, request);
  }

  /** The zone asked for (the caller's when left out): a 400 when it is no zone, a 404 when it is another zone than the caller's. */
  private visibleZone(actor: Actor, zoneId: string | undefined): ZoneId {
    const zone = zoneId ?? actor.zoneId;
    if (!isZoneId(zone)) throw new ApiError('bad_request', `zoneId must be one of ${[...ZONES, 'province'].join(', ')}, not ${JSON.stringify(zone)}`);
    if (!canSeeZone(actor, zone)) throw ApiError.notFound(`Zone ${zone}`);
    return zone;
  }
}

function isZoneId(value: unknown): value is ZoneId {
  return value === 'province' || (ZONES as readonly unknown[]).includes(value);
}
