import { corporatePlanCovering, themeOf } from '../corporate-plan/corporate-plan';
import { DomainError } from '../domain-error';
import { describePlanPeriod } from '../periods/plan-periods';
import type { DecisionContext, OpenPlan } from './decision-rules';
import type { PlanCommand } from './plan-commands';
import { PLAN_LIMITS, requireWithinLimit } from './plan-limits';
import { codeKey } from './written-text';

/**
 * Links from a plan to its council's corporate plan. A priority's `themeIds` and an indicator's
 * `themeId` name themes by id and are checked against the corporate plan in force for the plan's
 * period (the one covering it); a priority's `themes` stays the words the plan prints ("Resilient and
 * financially sound council"), unchecked, as plans entered before the corporate plan was held have
 * them. Two fields rather than one read two ways: a value is never guessed to be an id, so words
 * that happen to match an id are not linked by accident, and a link that no longer checks out is
 * refused rather than kept as words.
 *
 * A link is checked when it is made: a theme later removed from the corporate plan leaves the links
 * made to it as they were recorded (the plan said so then), and a new link to it is refused. A theme
 * renamed keeps its id, so its links follow it.
 */

/** Whether deciding the command reads the council's corporate plans: it names themes by id. */
export function namesCorporateThemes(command: PlanCommand): boolean {
  if (command.type === 'AddPriority' || command.type === 'RevisePriority') return (command.data.themeIds?.length ?? 0) > 0;
  if (command.type === 'DefineIndicator' || command.type === 'ReviseIndicator') return typeof command.data.themeId === 'string';
  return false;
}

/**
 * The theme ids as the corporate plan in force spells them, each once, or a refusal naming the first
 * that is not one of its themes. `subject` names what links ("priority 3", "indicator CP7").
 */
export function requireThemeIds(plan: OpenPlan, context: DecisionContext, themeIds: string[], subject: string): string[] {
  if (themeIds.length === 0) return [];
  requireWithinLimit(PLAN_LIMITS.themesPerPriority, themeIds.length, subject);
  if (context.corporatePlans === null) throw new Error(`Linking ${subject} to corporate themes is decided with the council's corporate plans, and none were given.`);
  const inForce = corporatePlanCovering(context.corporatePlans, plan.period);
  if (inForce === null) {
    throw DomainError.ruleBroken(
      `${capitalised(subject)} names corporate themes by id (${themeIds.join(', ')}), but no corporate plan of the council covers ` +
        `${describePlanPeriod(plan.period)}: record the corporate plan first, or give the themes in words.`,
    );
  }
  const linked = themeIds.map((themeId) => {
    const theme = themeOf(inForce, themeId);
    if (!theme) {
      throw DomainError.ruleBroken(
        `The corporate plan '${inForce.title}' has no theme '${themeId}' for ${subject}: its themes are ${inForce.themes.map(({ id }) => id).join(', ')}.`,
      );
    }
    return theme.id;
  });
  const repeated = linked.find((id, index) => linked.findIndex((other) => codeKey(other) === codeKey(id)) !== index);
  if (repeated !== undefined) throw DomainError.ruleBroken(`${capitalised(subject)} names the theme '${repeated}' twice: name each theme once.`);
  return linked;
}

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
