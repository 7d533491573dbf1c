import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import type { Response } from 'express';
import {
  enterpriseProfileSchema,
  listEnterprisesSchema,
  orgIdSchema,
  rejectEnterpriseSchema,
  type EnterpriseProfileInput,
  type ListEnterprisesQuery,
  type RejectEnterpriseInput,
} from './enterprise.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises 企业档案')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Put('me')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业登记（201）或整体更新（200）本企业档案；修改名称、信用代码或区县须重新认证' })
  async put(
    @ZodBody(enterpriseProfileSchema) body: EnterpriseProfileInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { enterprise, created } = await this.enterprises.put(principal, body, commandContext(principal, correlationId));
    res.status(created ? 201 : 200);
    if (created) res.location(`/api/v1/enterprises/${encodeURIComponent(enterprise.orgId)}`);
    return enterprise;
  }

  @Get('me')
  @Roles('enterprise')
  @ApiOperation({ summary: '本企业档案' })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.enterprises.mine(principal);
  }

  @Get()
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '企业档案列表（区县科技局：本区县；市科技局：全市），待认证的按等待时间排列' })
  list(@ZodQuery(listEnterprisesSchema) query: ListEnterprisesQuery, @CurrentPrincipal() principal: Principal) {
    return this.enterprises.list(principal, query);
  }

  @Get(':orgId')
  @ApiOperation({ summary: '企业档案详情（企业本身、所在区县科技局、市科技局）' })
  get(@ZodParam('orgId', orgIdSchema) orgId: string, @CurrentPrincipal() principal: Principal) {
    return this.enterprises.get(orgId, principal);
  }

  @Get(':orgId/history')
  @ApiOperation({ summary: '企业档案登记、修改与认证记录（审计）' })
  history(@ZodParam('orgId', orgIdSchema) orgId: string, @CurrentPrincipal() principal: Principal) {
    return this.enterprises.history(orgId, principal);
  }

  @Post(':orgId/verify')
  @HttpCode(200)
  @Roles('district', 'bureau')
  @ApiOperation({ summary: '认证企业档案（所在区县科技局或市科技局）' })
  verify(@ZodParam('orgId', orgIdSchema) orgId: string, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId: string) {
    return this.enterprises.verify(orgId, principal, commandContext(principal, correlationId));
  }

  @Post(':orgId/reject')
  @HttpCode(200)
  @Roles('district', 'bureau')
  @ApiOperation({ summary: '退回企业档案认证，并说明理由' })
  reject(
    @ZodParam('orgId', orgIdSchema) orgId: string,
    @ZodBody(rejectEnterpriseSchema) body: RejectEnterpriseInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.enterprises.reject(orgId, body.reason, principal, commandContext(principal, correlationId));
  }
}
