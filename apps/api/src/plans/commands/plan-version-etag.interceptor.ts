import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, tap, throwError, type Observable } from 'rxjs';

/**
 * `ETag: "<version>"` on every answer about a plan: the version written or checked, or, for a command
 * refused once the caller was allowed to see the plan (409, 412, 422), the version the refusal states
 * (`currentVersion`), so the client can retry with If-Match without a read. A 401, 403 or 404 carries
 * no version: it would tell a caller of another council that the plan exists.
 */
@Injectable()
export class PlanVersionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const tagWith = (version: unknown): void => {
      if (typeof version === 'number') reply.header('ETag', `"${version}"`);
    };
    return next.handle().pipe(
      tap((answer) => tagWith((answer as { version?: unknown } | null)?.version)),
      catchError((error: unknown) => {
        const body = error instanceof HttpException ? error.getResponse() : null;
        if (typeof body === 'object' && body !== null) tagWith((body as { currentVersion?: unknown }).currentVersion);
        return throwError(() => error);
      }),
    );
  }
}
