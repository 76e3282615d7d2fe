import { NotAssignedToServiceError, PlanNotFoundError } from '@app/application-errors';
import type { Caller } from './caller';
import { PlanAccessPolicy } from './plan-access.policy';

describe('PlanAccessPolicy', () => {
  const policy = new PlanAccessPolicy();
  const plan = { planId: 'hart-cs-2023-24', council: 'hart', service: 'Corporate Services' };
  const officer = (council: string, services: string[] | null): Caller => ({ id: 'u-17', name: 'Jo Bloggs', roles: ['officer'], council, services });

  it('lets a caller of the council see a plan of one of their services, or of any when they have no list', () => {
    expect(() => policy.assertCanSee(officer('hart', ['Corporate Services', 'Finance']), plan)).not.toThrow();
    expect(() => policy.assertCanSee(officer('hart', null), plan)).not.toThrow();
  });

  it("answers for another council's plan exactly as for a plan that does not exist", () => {
    const refusal = catchError(() => policy.assertCanSee(officer('rushmoor', null), plan));
    expect(refusal).toBeInstanceOf(PlanNotFoundError);
    expect(refusal.message).toBe('Plan hart-cs-2023-24 was not found');
  });

  it('refuses a plan of the council outside the caller’s services, naming the service', () => {
    const refusal = catchError(() => policy.assertCanSee(officer('hart', ['Finance']), plan));
    expect(refusal).toBeInstanceOf(NotAssignedToServiceError);
    expect(refusal.message).toBe("You are not assigned to the service 'Corporate Services'");
  });
});

function catchError(act: () => void): Error {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a refusal');
}
