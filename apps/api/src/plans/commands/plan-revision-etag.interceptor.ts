import { RefusalAtRevision } from '@app/application-errors';
import type { FastifyReply } from 'fastify';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '../nest';

/**
 * `ETag: "<revision>"` on every answer about a plan: the stream revision written or checked, or, for
 * a command refused once the caller was allowed to see the plan (409, 412, 422), the revision the
 * refusal states (`currentRevision`), so the client can retry with If-Match without a read. A 401,
 * 403 or 404 carries no revision: it would tell a caller of another council that the plan exists.
 */
@Injectable()
export class PlanRevisionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const tagWith = (revision: unknown): void => {
      if (typeof revision === 'number') reply.header('ETag', `"${revision}"`);
    };
    return next.handle().pipe(
      tap((answer) => tagWith((answer as { revision?: unknown } | null)?.revision)),
      catchError((error: unknown) => {
        if (error instanceof RefusalAtRevision) tagWith(error.currentRevision);
        return throwError(() => error);
      }),
    );
  }
}
