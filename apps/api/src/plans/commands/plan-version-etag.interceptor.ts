import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { PlanCommandService } from './plan-command.service';

/**
 * `ETag: "<version>"` on every answer about a plan: the version written or checked, or, for a refused
 * command, the version the plan is at (so the client can retry with If-Match without a read). A
 * refusal caused by a concurrent write states the version it met (`currentVersion`), which is newer
 * than this process's cache.
 */
@Injectable()
export class PlanVersionETagInterceptor implements NestInterceptor {
  constructor(private readonly commands: PlanCommandService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { planId } = http.getRequest<FastifyRequest<{ Params: { planId?: string } }>>().params;
    const tagWith = (version: unknown): void => {
      if (typeof version === 'number') reply.header('ETag', `"${version}"`);
    };
    return next.handle().pipe(
      tap((answer) => tagWith((answer as { version?: unknown } | null)?.version)),
      catchError((error: unknown) => {
        const body = error instanceof HttpException ? error.getResponse() : null;
        const stated = typeof body === 'object' && body !== null ? (body as { currentVersion?: unknown }).currentVersion : undefined;
        tagWith(stated ?? (planId ? this.commands.knownVersion(planId) : null));
        return throwError(() => error);
      }),
    );
  }
}
