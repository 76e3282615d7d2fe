import { OPERATOR_ROLE, type Role } from '../../apps/api/src/auth/caller';
import { loadOrCreateEmbeddedSecret, signEmbeddedToken } from '../../apps/api/src/auth/embedded-token';

export interface TestCaller {
  /** One role, or `roles` for several. */
  role?: Role;
  roles?: Role[];
  /** Absent only for the operator, who acts for no council. */
  council?: string;
  /** Absent: every service of the council. */
  services?: string[];
  name?: string;
  sub?: string;
  /** A span from now as jose reads it ("1h", "-5m"); default one hour. */
  expiresIn?: string;
}

/** A caller holding `role` in `council`; the operator, who acts for no council, in none. */
export function callerWithRole(role: Role, council: string): TestCaller {
  return role === OPERATOR_ROLE ? { role } : { role, council };
}

/** A token the API in embedded mode accepts, signed with the secret kept in `dataDir`. */
export function mintTestToken(dataDir: string, caller: TestCaller): Promise<string> {
  const roles = caller.roles ?? (caller.role ? [caller.role] : []);
  const sub = caller.sub ?? `${roles.join('-') || 'no-role'}@${caller.council ?? 'the-service'}`;
  return signEmbeddedToken(
    loadOrCreateEmbeddedSecret(dataDir),
    { sub, name: caller.name ?? `Test ${roles.join(' and ') || 'caller'}`, roles, council: caller.council, services: caller.services },
    caller.expiresIn ?? '1h',
  );
}

export async function authHeader(dataDir: string, caller: TestCaller): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await mintTestToken(dataDir, caller)}` };
}
