import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, ZodQuery } from '@jiebang/service-kit';
import { dashboardQuerySchema, type DashboardQueryInput } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard 驾驶舱')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Roles('bureau')
  @ApiOperation({
    summary: '数智科创驾驶舱（市科技局）：榜单漏斗、服务需求各环节与用时中位数、各区县超期与评分、评分分布、匹配公平性、悬赏承诺与拨付；可按统计期与技术领域筛选',
  })
  get(@ZodQuery(dashboardQuerySchema) q: DashboardQueryInput) {
    return this.dashboard.dashboard(q);
  }
}
