import './tracing';
import 'reflect-metadata';
import { runService } from '@jiebang/service-kit';
import { AppModule } from './app.module';
import { loadConfig } from './config';

void runService({
  loadConfig,
  module: (config) => AppModule.forRoot(config),
  title: 'jiebang notification-service 通知服务',
  description: '站内信（含实时推送）、电子邮件与签名 Webhook；按事件目录通知相关各方，不丢不重。',
});
