import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthIndicators } from './health.indicators';

/**
 * `GET /health` in terminus' shape: `eventStore` and `readStore` (reachable and undamaged),
 * `readModels` (built from this event store and not ahead of it), `projections` (state, checkpoint,
 * head and lag of each); 503 when any is down.
 */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthIndicators],
})
export class HealthModule {}
