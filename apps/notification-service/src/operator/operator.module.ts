import { Module } from '@nestjs/common';
import { DigestModule } from '../digest/digest.module';
import { OperatorController } from './operator.controller';
import { OperatorService } from './operator.service';

@Module({ imports: [DigestModule], controllers: [OperatorController], providers: [OperatorService] })
export class OperatorModule {}
