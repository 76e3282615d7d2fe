import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The one metrics registry of an application and the metrics every part records into. Each
 * application instance has its own registry (not prom-client's global one), so two apps in one
 * process, as in the tests, never clash.
 */
@Injectable()
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended to the event store, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly projectionBatchesApplied = new Counter({
    name: 'projection_batches_applied_total',
    help: 'Batches of events a projection has written to the read store.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionEventsApplied = new Counter({
    name: 'projection_events_applied_total',
    help: 'Events a projection has applied.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionFailures = new Counter({
    name: 'projection_failures_total',
    help: 'Times a projection stopped on an event it could not apply.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
