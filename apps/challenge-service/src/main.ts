import './tracing';
import 'reflect-metadata';
import { runService } from '@jiebang/service-kit';
import { AppModule } from './app.module';
import { loadConfig } from './config';

void runService({
  loadConfig,
  module: (config) => AppModule.forRoot(config),
  title: 'jiebang challenge-service 榜单服务',
  description: '揭榜挂帅榜单（需求侧）：企业起草与提交榜单、论证、发榜、评审、公示、定榜；项目与里程碑；企业侧服务工单。',
});
