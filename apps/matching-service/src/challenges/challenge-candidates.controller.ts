import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { z } from 'zod';
import { challengeCandidatesQuerySchema, type ChallengeCandidatesQuery } from '../ranking/ranking.dto';
import { RankingService } from '../ranking/ranking.service';
import { KnownChallengesService } from './known-challenges.service';

const challengeIdSchema = z.uuid({ message: '榜单编号格式不正确' });

@ApiTags('matching 匹配')
@Controller('challenges')
export class ChallengeCandidatesController {
  constructor(
    private readonly challenges: KnownChallengesService,
    private readonly ranking: RankingService,
  ) {}

  @Get(':id/candidates')
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '为已知榜单推荐候选揭榜方（附逐项得分与命中词）' })
  async candidates(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodQuery(challengeCandidatesQuerySchema) query: ChallengeCandidatesQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const challenge = await this.challenges.find(id);
    if (!challenge || (principal.role === 'district' && challenge.districtCode !== principal.districtCode)) {
      throw DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });
    }
    return this.ranking.rank(principal, {
      need: {
        title: challenge.title,
        text: [challenge.description, ...challenge.indicators].join('。'),
        keywords: challenge.keywords,
        fields: challenge.fields,
        districtCode: challenge.districtCode,
        enterpriseOrgId: challenge.enterpriseOrgId,
        relatedOrgIds: [],
        wants: query.wants,
      },
      k: query.k,
      subject: { type: 'challenge', id },
    });
  }
}
