import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DigestService } from './digest.service';
import { DigestWorker } from './digest.worker';

@Module({ imports: [DeliveriesModule], providers: [DigestService, DigestWorker], exports: [DigestService] })
export class DigestModule {}
