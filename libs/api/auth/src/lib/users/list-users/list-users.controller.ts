import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiError, canSeeZone, isProvinceWide, type Actor } from '@banjie/api-core';
import { ZONES, type ManagedUserView, type UserView, type ZoneId } from '@banjie/contracts';
import { CurrentActor, Roles } from '../../access/access.decorators';
import type { UserDirectory } from '../user-directory';
import { USER_DIRECTORY } from '../user-directory.token';

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
  @ApiQuery({ name: 'zoneId', required: false, description: 'lf, cz, yp, az, xy, tg, sd or province; the caller’s zone when left out' })
  @ApiQuery({ name: 'includeInactive', required: false, description: 'true (admins): also deactivated users, each with `active`' })
  @ApiOperation({ summary: 'Active users of a zone (leaders and admins): [{id, name, roles, zoneId, groups}]; admins may add includeInactive=true' })
  list(@CurrentActor() actor: Actor, @Query('zoneId') zoneId?: string, @Query('includeInactive') includeInactive?: string): UserView[] | ManagedUserView[] {
    if (includeInactive !== undefined && includeInactive !== 'true' && includeInactive !== 'false') {
      throw new ApiError('bad_request', `includeInactive must be true or false, not ${JSON.stringify(includeInactive)}`);
    }
    if (includeInactive === 'true') return this.managed(actor, zoneId);
    const zone = zoneId ?? actor.zoneId;
    if (!isZoneId(zone)) throw new ApiError('bad_request', `zoneId must be one of ${[...ZONES, 'province'].join(', ')}, not ${JSON.stringify(zone)}`);
    if (!canSeeZone(actor, zone)) throw ApiError.notFound(`Zone ${zone}`);
    return this.users.listZone(zone);
  }

  private managed(actor: Actor, zoneId: string | undefined): ManagedUserView[] {
    if (!actor.roles.includes('admin')) throw ApiError.forbidden('includeInactive=true is for admins');
    if (zoneId === undefined && isProvinceWide(actor)) return this.users.listManaged();
    const zone = zoneId ?? actor.zoneId;
    if (!isZoneId(zone)) throw new ApiError('bad_request', `zoneId must be one of ${[...ZONES, 'province'].join(', ')}, not ${JSON.stringify(zone)}`);
    if (!canSeeZone(actor, zone)) throw ApiError.notFound(`Zone ${zone}`);
    return this.users.listManaged(zone);
  }
}

function isZoneId(value: unknown): value is ZoneId {
  return value === 'province' || (ZONES as readonly unknown[]).includes(value);
}
