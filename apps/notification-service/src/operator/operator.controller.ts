import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { z } from 'zod';
import { CHANNELS } from '../catalogue/notice';
import { DigestService } from '../digest/digest.service';
import { pagingShape } from '../paging';
import { OperatorService } from './operator.service';

const STATUSES = ['pending', 'sent', 'failed', 'suppressed', 'skipped', 'digest', 'digested'] as const;

const listSchema = z.strictObject({
  status: z.enum(STATUSES).default('failed'),
  channel: z.enum(CHANNELS).optional(),
  ...pagingShape(20),
});
const replayAllSchema = z.strictObject({ channel: z.enum(CHANNELS).optional() });
const deliveryIdSchema = z.uuid({ message: '投递编号格式不正确' });

@ApiTags('operator 运维')
@Roles('bureau', 'admin')
@Controller('operator')
export class OperatorController {
  constructor(
    private readonly operator: OperatorService,
    private readonly digest: DigestService,
  ) {}

  @Get('deliveries')
  @ApiOperation({ summary: '投递记录（默认列出已搁置的最终失败项及其错误）' })
  list(@ZodQuery(listSchema) q: z.infer<typeof listSchema>) {
    return this.operator.list(q);
  }

  @Get('deliveries/:id')
  @ApiOperation({ summary: '一条投递及其每次尝试' })
  get(@ZodParam('id', deliveryIdSchema) id: string) {
    return this.operator.get(id);
  }

  @Post('deliveries/replay')
  @HttpCode(200)
  @ApiOperation({ summary: '重放全部已搁置的投递（可限定渠道）' })
  replayAll(@ZodBody(replayAllSchema) body: z.infer<typeof replayAllSchema>) {
    return this.operator.replayAll(body.channel);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: '重放一条已搁置的投递' })
  replay(@ZodParam('id', deliveryIdSchema) id: string) {
    return this.operator.replay(id);
  }

  @Get('queues')
  @ApiOperation({ summary: '各渠道队列的任务数（另见 /admin/queues 队列面板）' })
  queues() {
    return this.operator.queueCounts();
  }

  @Post('digest/run')
  @HttpCode(200)
  @ApiOperation({ summary: '立即生成每日摘要（平时由定时任务每天执行）' })
  runDigest() {
    return this.digest.run(new Date());
  }
}
