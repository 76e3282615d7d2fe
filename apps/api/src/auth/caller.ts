import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';

export const ROLES = ['officer', 'editor', 'governance', 'auditor', 'reporting', 'admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role of whoever runs the service for every council: it looks after what all councils share
 * (the projections) and acts for none. Its token holds this role alone and names no council.
 */
export const OPERATOR_ROLE = 'operator' satisfies Role;

/** A council's user, as their bearer token names them. */
export interface Caller {
  id: string;
  name: string;
  roles: Role[];
  council: string;
  /** Service areas the caller is assigned to; null means every service of the council. */
  services: string[] | null;
}

/** The service's operator (see `OPERATOR_ROLE`). */
export interface Operator {
  id: string;
  name: string;
  roles: [typeof OPERATOR_ROLE];
  council: null;
  services: null;
}

/** The verified identity behind a request, taken from its bearer token. */
export type Principal = Caller | Operator;

export const isOperator = (principal: Principal): principal is Operator => principal.council === null;

/** The request property the authentication guard fills. */
export const CALLER_REQUEST_KEY = 'caller';

/** The council's user calling a council's operation; the operator holds no role any of those allow. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  const principal = request[CALLER_REQUEST_KEY] as Principal;
  if (isOperator(principal)) throw new ForbiddenException("This is a council's operation; an operator acts for no council.");
  return principal;
});
