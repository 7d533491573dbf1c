import { Controller, Delete, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import {
  capacitySchema,
  disputeSchema,
  listProfilesSchema,
  profileIdSchema,
  profileInputSchema,
  ratingSchema,
  withdrawSchema,
  type CapacityInput,
  type DisputeInput,
  type ListProfilesQuery,
  type ProfileInput,
  type RatingInput,
} from './profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('profiles 候选方画像')
@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Post()
  @Roles('team', 'solver', 'expert', 'district', 'bureau', 'admin')
  @ApiOperation({ summary: '登记揭榜方、科技特派员团或专家画像' })
  create(
    @ZodBody(profileInputSchema) body: ProfileInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.profiles.create(principal, body, commandContext(principal, correlationId));
  }

  @Put(':id')
  @Roles('team', 'solver', 'expert', 'district', 'bureau', 'admin')
  @ApiOperation({ summary: '按编号登记或整体更新画像（幂等，供导入与种子数据使用）' })
  @ApiResponse({ status: 201, description: '新登记（Location 指向画像）' })
  @ApiResponse({ status: 200, description: '已更新' })
  async put(
    @ZodParam('id', profileIdSchema) id: string,
    @ZodBody(profileInputSchema) body: ProfileInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { profile, created } = await this.profiles.put(principal, id, body, commandContext(principal, correlationId));
    if (created) res.status(201).location(req.originalUrl.split('?')[0]);
    else res.status(200);
    return profile;
  }

  @Get()
  @ApiOperation({ summary: '画像列表（按调用者范围）' })
  list(@ZodQuery(listProfilesSchema) query: ListProfilesQuery, @CurrentPrincipal() principal: Principal) {
    return this.profiles.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '画像详情' })
  get(@ZodParam('id', profileIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.profiles.get(id, principal);
  }

  @Put(':id/capacity')
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '登记在办负荷与负荷上限' })
  capacity(
    @ZodParam('id', profileIdSchema) id: string,
    @ZodBody(capacitySchema) body: CapacityInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.profiles.setCapacity(principal, id, body, commandContext(principal, correlationId));
  }

  @Post(':id/ratings')
  @HttpCode(200)
  @Roles('bureau', 'admin')
  @ApiOperation({ summary: '登记企业评价（信誉来源）' })
  rate(
    @ZodParam('id', profileIdSchema) id: string,
    @ZodBody(ratingSchema) body: RatingInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.profiles.rate(principal, id, body, commandContext(principal, correlationId));
  }

  @Post(':id/disputes')
  @HttpCode(200)
  @Roles('bureau', 'admin')
  @ApiOperation({ summary: '登记已认定的争议（回避期内不与该企业配对）' })
  dispute(
    @ZodParam('id', profileIdSchema) id: string,
    @ZodBody(disputeSchema) body: DisputeInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.profiles.upholdDispute(principal, id, body, commandContext(principal, correlationId));
  }

  @Delete(':id')
  @Roles('team', 'solver', 'expert', 'district', 'bureau', 'admin')
  @ApiOperation({ summary: '撤销画像（不再参与匹配，记录保留）' })
  withdraw(
    @ZodParam('id', profileIdSchema) id: string,
    @ZodBody(withdrawSchema) body: { reason: string },
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.profiles.withdraw(principal, id, body.reason, commandContext(principal, correlationId));
  }
}
