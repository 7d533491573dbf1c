import './tracing';
import 'reflect-metadata';
import { runService } from '@jiebang/service-kit';
import { AppModule } from './app.module';
import { loadConfig } from './config';

void runService({
  loadConfig,
  module: (config) => AppModule.forRoot(config),
  title: 'jiebang matching-service 匹配服务',
  description: '供给侧：揭榜方、科技特派员团与专家画像；揭榜申请；匹配排序与批量分配；服务工单派单。',
});
