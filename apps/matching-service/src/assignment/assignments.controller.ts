import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { assignmentRequestSchema, assignmentRunIdSchema, type AssignmentRequest } from './assignment.dto';
import { AssignmentsService } from './assignments.service';

@ApiTags('matching 匹配')
@Controller('matching/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post()
  @HttpCode(202)
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '批量分配（后台任务）：每项 k 个候选方，负荷上下限，回避；返回任务编号' })
  async request(@ZodBody(assignmentRequestSchema) body: AssignmentRequest, @CurrentPrincipal() principal: Principal) {
    const run = await this.assignments.request(principal, body);
    return { id: run.id, status: run.status, stage: run.stage, progress: run.progress, createdAt: run.createdAt };
  }

  @Get(':id')
  @ApiOperation({ summary: '分配任务的进度与结果（总亲和度、每项最低亲和度、负荷差、与贪心法对比、逐项解释）' })
  get(@ZodParam('id', assignmentRunIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.assignments.get(principal, id);
  }
}
