import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodParam } from '@jiebang/service-kit';
import { challengeIdSchema } from './challenge.dto';
import { TermsService } from './terms.service';

@ApiTags('challenges 榜单')
@Controller('challenges/:id/terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Post('accept')
  @HttpCode(200)
  @Roles('solver', 'team')
  @ApiOperation({ summary: '接受揭榜条款（保密承诺），之后可查看保密内容' })
  accept(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.terms.accept(id, p, commandContext(p, c));
  }
}
