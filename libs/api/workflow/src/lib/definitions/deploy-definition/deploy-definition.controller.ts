import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, isProvinceWide, type Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import { ZONES, type DeploymentView } from '@banjie/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Response } from 'express';
import { DeployDefinitionCommand } from './deploy-definition.command';
import { DeployDefinitionDto } from './deploy-definition.dto';

@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class DeployDefinitionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Deploy a BPMN model: 201 with a new version, 200 when the same XML is already deployed' })
  @ApiBody({ type: DeployDefinitionDto })
  async deploy(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response, @Query('zoneId') zoneId?: string): Promise<DeploymentView> {
    const { xml, forms, decisions } = readDeployBody(body);
    const zone = isProvinceWide(actor) ? zoneId : actor.zoneId;
    if (!zone || !(ZONES as readonly string[]).includes(zone)) throw ApiError.badRequest('Province-wide users name the zone to deploy to: ?zoneId=lf');
    const { created, definition } = await this.commandBus.execute(new DeployDefinitionCommand(xml, forms, zone, actor, decisions));
    res.status(created ? 201 : 200);
    return { key: definition.key, version: definition.version, name: definition.name, hash: definition.hash, deployedAt: definition.deployedAt, warnings: definition.warnings };
  }
}

function readDeployBody(body: unknown): { xml: string; forms: Record<string, unknown>; decisions: Record<string, string> } {
  if (typeof body === 'string') return { xml: body, forms: {}, decisions: {} };
  const dto = plainToInstance(DeployDefinitionDto, body ?? {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const details = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })));
    throw ApiError.badRequest('The deployment body is not valid', details);
  }
  return { xml: dto.xml, forms: dto.forms ?? {}, decisions: readDecisionResources(dto.decisions ?? {}) };
}

/** At most this many DMN resources deploy with one flow. */
const MAX_DECISION_RESOURCES = 100;

/** `decisions`: file names ending in `.dmn`, each with its DMN XML as a non-empty string. */
function readDecisionResources(decisions: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(decisions);
  if (entries.length > MAX_DECISION_RESOURCES) {
    throw ApiError.badRequest(`Too many DMN resources: ${entries.length}, over the limit of ${MAX_DECISION_RESOURCES} per deployment`, [{ field: 'decisions', message: `at most ${MAX_DECISION_RESOURCES} resources` }]);
  }
  const resources: Record<string, string> = {};
  const details: { field: string; message: string }[] = [];
  for (const [name, xml] of entries) {
    if (!/^[^/\\]{1,251}\.dmn$/i.test(name)) details.push({ field: `decisions.${name}`, message: `"${name}" is not a DMN file name: 1–255 characters ending in .dmn, without / or \\` });
    else if (typeof xml !== 'string' || xml.trim() === '') details.push({ field: `decisions.${name}`, message: `the DMN resource "${name}" must be its XML as a non-empty string` });
    else resources[name] = xml;
  }
  if (details.length > 0) throw ApiError.badRequest('The DMN resources of the deployment are not valid', details);
  return resources;
}
