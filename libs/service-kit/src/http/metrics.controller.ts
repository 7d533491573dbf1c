import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Public } from '../auth/auth.decorators';

/**
 * Prometheus scrape endpoint: event outcomes (incl. unhandled and dead-lettered), outbox backlog and oldest row age,
 * relay batch sizes, consumer lag, timers armed and overdue, BullMQ queue depth, process stats.
 */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiOperation({ summary: 'Prometheus 指标（事件消费结果、发件箱积压、进程指标）' })
  @ApiProduces('text/plain')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
