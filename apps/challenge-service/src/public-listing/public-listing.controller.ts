import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public, ZodQuery } from '@jiebang/service-kit';
import { DataSource } from 'typeorm';
import { withoutConfidential } from '../challenges/challenge-visibility.domain';
import type { Challenge } from '../challenges/challenge.entity';
import { publicSearchSchema, type PublicSearchQuery } from './public-listing.dto';
import { searchPublic } from './public-listing.store';

/** What the public listing shows of a 榜单: its public content and where it stands, none of the internal flags. */
function publicView(c: Challenge) {
  const { vettingOverdueAt: _v, withdrawalRequestedAt: _w, withdrawalReason: _r, ...rest } = c;
  return withoutConfidential(rest);
}

@ApiTags('public 公开榜单')
@Controller('public/challenges')
export class PublicListingController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '公开榜单检索（已发布的榜单；关键词仅匹配公开内容）' })
  async search(@ZodQuery(publicSearchSchema) query: PublicSearchQuery) {
    const { items, total } = await searchPublic(this.dataSource, query);
    return { items: items.map(publicView), total, page: query.page, pageSize: query.pageSize };
  }
}
