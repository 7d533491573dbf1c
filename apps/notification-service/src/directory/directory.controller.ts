import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import type { z } from 'zod';
import { contactsSchema, listOrganisationsSchema, memberSchema, organisationSchema, orgIdSchema } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('directory 通讯录')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('my-organisation')
  @ApiOperation({ summary: '本机构本角色接收通知的联系邮箱，以及本机构在通讯录中的登记（名称、角色、区县）' })
  mine(@CurrentPrincipal() p: Principal) {
    return this.directory.mine(p);
  }

  @Put('my-organisation')
  @ApiOperation({ summary: '设置本机构本角色接收通知的联系邮箱（其他角色的邮箱不受影响）' })
  setContacts(@ZodBody(contactsSchema) body: z.infer<typeof contactsSchema>, @CurrentPrincipal() p: Principal) {
    return this.directory.setContacts(p, body.emails);
  }

  @Put('me')
  @ApiOperation({ summary: '登记本人接收通知的邮箱（如评审专家）' })
  registerMember(@ZodBody(memberSchema) body: z.infer<typeof memberSchema>, @CurrentPrincipal() p: Principal) {
    return this.directory.registerMember(p, body);
  }

  @Get('organisations')
  @Roles('bureau', 'admin')
  @ApiOperation({ summary: '通讯录中的机构（市科技局、管理员）' })
  list(@ZodQuery(listOrganisationsSchema) q: z.infer<typeof listOrganisationsSchema>) {
    return this.directory.list(q);
  }

  @Put('organisations/:orgId')
  @Roles('bureau', 'admin')
  @ApiOperation({ summary: '登记或更正一个机构（含其角色及该角色的联系邮箱；演示数据由此导入）' })
  upsert(
    @ZodParam('orgId', orgIdSchema) orgId: string,
    @ZodBody(organisationSchema) body: z.infer<typeof organisationSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.directory.upsert({ id: orgId, ...body }, p);
  }
}
