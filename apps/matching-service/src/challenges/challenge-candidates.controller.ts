import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { z } from 'zod';
import { challengeCandidatesQuerySchema, type ChallengeCandidatesQuery } from '../ranking/ranking.dto';
import { RankingService } from '../ranking/ranking.service';
import { challengeNeed } from './known-challenge.need';
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
    const challenge = await this.challenges.findForRanking(id, principal);
    return this.ranking.rank(principal, { need: challengeNeed(challenge, query.wants), k: query.k, subject: { type: 'challenge', id } });
  }
}
