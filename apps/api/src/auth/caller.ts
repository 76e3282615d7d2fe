import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export const ROLES = ['officer', 'editor', 'governance', 'auditor', 'reporting', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The verified identity behind a request, taken from its bearer token. */
export interface Caller {
  id: string;
  name: string;
  roles: Role[];
  council: string;
  /** Service areas the caller is assigned to; null means every service of the council. */
  services: string[] | null;
}

/** The request property the authentication guard fills. */
export const CALLER_REQUEST_KEY = 'caller';

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  return request[CALLER_REQUEST_KEY] as Caller;
});
