import { Controller, Get, Header, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/platform-config.module';
import { PlatformMetrics } from './platform-metrics';

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: PlatformMetrics,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!this.config.metricsEnabled) throw new NotFoundException('Metrics are switched off on this server.');
    const { contentType, body } = await this.metrics.render();
    reply.type(contentType);
    return body;
  }
}
