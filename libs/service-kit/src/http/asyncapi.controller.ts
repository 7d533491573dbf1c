import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { DomainError } from '@jiebang/contracts';
import { ApiExcludeController } from '@nestjs/swagger';
import { load } from 'js-yaml';
import { Public } from '../auth/auth.decorators';

/** From libs/service-kit/{src,dist}/http to the repository root, where the image keeps the checked-in docs too. */
const DOCUMENT = resolve(__dirname, '../../../../docs/asyncapi.yaml');

let cached: unknown;

/**
 * The platform's AsyncAPI document (every topic, DLQ and event type, generated from libs/contracts) for integrators.
 * It is the checked-in docs/asyncapi.yaml, which `npm test` proves matches the contracts, so what a service serves
 * is what it publishes. Kept out of the OpenAPI document: it describes Kafka, not this HTTP API.
 */
@ApiExcludeController()
@Public()
@Controller('asyncapi.json')
export class AsyncApiController {
  @Get()
  document(): unknown {
    try {
      cached ??= load(readFileSync(DOCUMENT, 'utf8'));
    } catch {
      throw new DomainError('not-found', 'ASYNCAPI_DOCUMENT_MISSING', '本部署未包含事件契约文档（docs/asyncapi.yaml）');
    }
    return cached;
  }
}
