import {
  CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS,
  corporatePlansStreamId,
  decideCorporatePlan,
  evolveCorporatePlans,
  initialCorporatePlans,
  type CorporatePlanCommand,
  type CorporatePlansState,
} from '@app/domain';
import { HART_CORPORATE_PLAN, HART_CORPORATE_THEMES } from '@app/domain/corporate-plan/testing/hart-corporate-plan.seed';
import type { EventActor } from '@app/event-store';
import type { ProjectedEvent } from '../../projector/projection';

const GOVERNANCE: EventActor = { id: 'u-governance', name: 'Committee Services', role: 'governance' };

/**
 * A council's corporate plans stream, decided command by command as the command side decides it,
 * so that what the specs project is what the domain would write. Positions start at `firstPosition`
 * and step by 10; each event is recorded a day after the one before.
 */
export function corporatePlansStream(council: string, commands: CorporatePlanCommand[], firstPosition = 20_000): ProjectedEvent[] {
  let state: CorporatePlansState = initialCorporatePlans;
  const events: ProjectedEvent[] = [];
  for (const command of commands) {
    for (const event of decideCorporatePlan(command, state, council)) {
      state = evolveCorporatePlans(state, event);
      const revision = events.length;
      events.push({
        id: `${council}-corporate-${revision}`,
        streamId: corporatePlansStreamId(council),
        revision,
        position: firstPosition + revision * 10,
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { actor: GOVERNANCE, requestId: `req-corporate-${revision}`, schemaVersion: CORPORATE_PLAN_EVENT_SCHEMA_VERSIONS[event.type] },
        recordedAt: new Date(Date.UTC(2023, 1, 22 + revision, 19)).toISOString(),
      });
    }
  }
  return events;
}

/** Hart's corporate plan recorded, then People renamed and Place withdrawn (ILLUSTRATIVE: Hart's plan stands as approved). */
export const HART_CORPORATE_PLAN_COMMANDS: CorporatePlanCommand[] = [
  { type: 'RecordCorporatePlan', data: HART_CORPORATE_PLAN },
  {
    type: 'ReviseCorporatePlan',
    data: {
      corporatePlanId: HART_CORPORATE_PLAN.corporatePlanId,
      themes: HART_CORPORATE_THEMES.filter((theme) => theme.id !== 'place').map((theme) =>
        theme.id === 'people' ? { ...theme, title: 'People and communities' } : theme,
      ),
      reason: 'Council, mid-term review',
    },
  },
];
