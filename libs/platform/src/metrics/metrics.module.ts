import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { PlatformMetrics } from './platform-metrics';

/** The application's metrics registry and `GET /metrics` (closed with `METRICS_ENABLED=false`). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [PlatformMetrics],
  exports: [PlatformMetrics],
})
export class MetricsModule {}
