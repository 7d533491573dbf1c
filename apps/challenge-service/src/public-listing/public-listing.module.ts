import { Module } from '@nestjs/common';
import { PublicListingController } from './public-listing.controller';

@Module({ controllers: [PublicListingController] })
export class PublicListingModule {}
