import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HealthIndicators } from './health.indicators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'Both stores answer, the read models match the event store and no projection has failed.' })
  @ApiServiceUnavailableResponse({
    description: 'A store does not answer or is damaged, the read models do not match the event store, or a projection has failed; see `error`.',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.indicators.eventStoreReachable(),
        () => this.indicators.readStoreReachable(),
        () => this.indicators.readModelsMatchEventStore(),
        () => this.indicators.projectionsRunning(),
      ]);
    } catch (error) {
      // Terminus reports "down" as a 503 exception carrying the report; answer with the report itself.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = error.getResponse() as HealthCheckResult;
      this.logger.warn({ error: report.error }, 'Health check is down');
      reply.status(503);
      return report;
    }
  }
}
