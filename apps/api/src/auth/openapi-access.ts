import type { OpenAPIObject } from '@nestjs/swagger';

/** The OpenAPI extension `@Access` puts on each operation: the roles that may call it. */
export const ROLES_EXTENSION = 'x-roles';

/** The name `DocumentBuilder.addBearerAuth()` gives the scheme by default; `@Access` refers to it. */
export const BEARER_SCHEME = 'bearer';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Ends each guarded operation's description with the roles allowed, for readers of `/docs`
 * (Swagger UI hides `x-` fields). Call it on the document from `SwaggerModule.createDocument`.
 */
export function describeAccess(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const roles = (operation as unknown as Record<string, unknown>)[ROLES_EXTENSION] as string[] | undefined;
      if (roles === undefined) continue;
      const allowed = `Roles allowed: ${roles.join(', ')}.`;
      operation.description = operation.description ? `${operation.description}\n\n${allowed}` : allowed;
    }
  }
  return document;
}
