import { Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import type { Response } from 'express';
import {
  createServiceOrderSchema,
  editServiceOrderSchema,
  idSchema,
  listServiceOrdersSchema,
  reasonBodySchema,
  type CreateServiceOrderInput,
  type EditServiceOrderInput,
  type ListServiceOrdersQuery,
  type ReasonBody,
} from './service-order.dto';
import { ServiceOrderViews } from './service-order-views.service';
import { ServiceOrdersService } from './service-orders.service';

@ApiTags('service-orders 企业下单')
@Controller('service-orders')
export class ServiceOrdersController {
  constructor(
    private readonly orders: ServiceOrdersService,
    private readonly views: ServiceOrderViews,
  ) {}

  @Post()
  @Roles('enterprise')
  @ApiOperation({ summary: '企业下单：创建服务订单草稿（区县为企业注册所在区县）' })
  async create(
    @ZodBody(createServiceOrderSchema) body: CreateServiceOrderInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const order = await this.orders.createDraft(principal, body, commandContext(principal, correlationId));
    res.location(`/api/v1/service-orders/${order.id}`);
    return order;
  }

  @Get()
  @ApiOperation({ summary: '服务订单列表（企业：本企业；区县：本区县；特派员团：所服务的；市科技局：全部）' })
  list(@ZodQuery(listServiceOrdersSchema) query: ListServiceOrdersQuery, @CurrentPrincipal() principal: Principal) {
    return this.views.list(principal, query);
  }

  @Get('stats')
  @Roles('bureau')
  @ApiOperation({ summary: '各区县服务订单统计：状态分布、超时预警、各环节用时中位数、评价均分（区县与特派员团）' })
  stats() {
    return this.views.stats();
  }

  @Get(':id')
  @ApiOperation({ summary: '服务订单详情' })
  get(@ZodParam('id', idSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.views.get(id, principal);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '服务订单全过程记录：每次状态变化的操作人、角色、时间与理由' })
  timeline(@ZodParam('id', idSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.views.timeline(id, principal);
  }

  @Patch(':id')
  @Roles('enterprise')
  @ApiOperation({ summary: '修改草稿或退回修改的订单' })
  edit(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(editServiceOrderSchema) body: EditServiceOrderInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.orders.edit(id, principal, body, commandContext(principal, correlationId));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '提交订单至所在区县科技局（企业须已认证）' })
  submit(@ZodParam('id', idSchema) id: string, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId: string) {
    return this.orders.submit(id, principal, commandContext(principal, correlationId));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('enterprise', 'district')
  @ApiOperation({ summary: '取消订单（企业：服务开始前；所在区县：交付前），须说明理由' })
  cancel(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.orders.cancel(id, principal, body.reason, commandContext(principal, correlationId));
  }
}
