import { codeKey, rollUpProgress, type CorporateTheme, type PriorityProgress, type Rag, type Rollups, type RollupRuleInForce } from '@app/domain';
import { formatValue } from '../plan-views/format-value';
import { buildMonitoringReport, prioritiesAtPeriodEnd, type MonitoringReport, type ReportInputs, type ReportRules } from '../plan-views/report';

/**
 * The council's monitoring report for a period across its plans, and its exceptions, each built from
 * every plan's own report (`buildMonitoringReport`), so that a plan shows here exactly as in its
 * own report. Roll-ups across plans count the same items as each plan's roll-up does.
 */

export type CouncilReportFilters = { service: string | null; theme: string | null };

/** Who asks, and what of the council they may see: the words of the note when no plan is in the answer. */
export type CouncilReportScope = {
  council: string;
  /** The services the caller is limited to, or null for every service of the council. */
  services: string[] | null;
  /** The periods the caller's plans cover, named when none of them covers the period asked for; null when not known. */
  periodsHeld: string[] | null;
};

export type RagCounts = Record<Rag, number>;

export type ProgressRollup = Rollups['plan'];

/** A plan's report as the council report shows it: its indicators, priorities and roll-ups, with its RAG counted. */
export type CouncilPlanReport = Omit<MonitoringReport, 'period' | 'budget' | 'risks'> & { ragCounts: RagCounts };

export type ServiceRollup = { service: string; plans: number; indicators: number; ragCounts: RagCounts; progress: ProgressRollup };

/**
 * One theme's roll-up: a theme of the corporate plan covering the period, by its id (`themeId`) and
 * titled as that plan titles it, over the priorities (`themeIds`) and indicators (`themeId`) linked to
 * it; or a theme as the plans print it in words (`themeId` null, titled by the words), over the
 * priorities naming it so, since words name no indicator. Words and an id are never merged, as the
 * plans keep them apart.
 */
export type ThemeRollup = {
  /** The theme's id when linked, else its words: what `?theme=` takes to keep it. */
  theme: string;
  themeId: string | null;
  title: string;
  plans: number;
  priorities: number;
  indicators: number;
  ragCounts: RagCounts;
  progress: ProgressRollup;
};

/** The themes of the council's corporate plan covering the period reported, whose titles the roll-ups per theme give. */
export type ThemesInForce = ReadonlyArray<Pick<CorporateTheme, 'id' | 'title'>>;

export type CouncilReport = {
  council: string;
  period: string;
  filters: CouncilReportFilters;
  /** Why the answer holds no plan, when it holds none; null otherwise. */
  note: string | null;
  plans: CouncilPlanReport[];
  ragCounts: RagCounts;
  progress: ProgressRollup;
  byService: ServiceRollup[];
  byTheme: ThemeRollup[];
  rounding: string;
  method: string;
  /** The council's roll-up rule in force at the instant the report is made for, as each plan's report states it. */
  rule: RollupRuleInForce;
};

export const EXCEPTION_KINDS = [
  'red-indicator',
  'amber-indicator',
  'off-track-priority',
  'slipped-priority',
  'overdue-milestone',
  'top-band-risk',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export type CouncilException = {
  kind: ExceptionKind;
  planId: string;
  planTitle: string;
  service: string;
  /** The indicator's code, the priority's or risk's ref, or the milestone's as `<priority>/<milestone>`. */
  ref: string;
  title: string;
  why: string;
};

/** The plans looked at, so that no exception can be told apart from no plan. */
export type ExceptionsPlan = Pick<MonitoringReport, 'planId' | 'title' | 'service' | 'planVersion' | 'revision'> & { exceptions: number };

export type CouncilExceptions = {
  council: string;
  period: string;
  filters: CouncilReportFilters;
  note: string | null;
  plans: ExceptionsPlan[];
  counts: Record<ExceptionKind, number>;
  items: CouncilException[];
};

/** The band a risk is an exception in: the highest of the council's matrix. */
export const TOP_RISK_BAND = 'very-high';

/** The priority statuses that are exceptions. */
const EXCEPTIONAL_STATUSES = { 'off-track': 'off-track-priority', slipped: 'slipped-priority' } as const;

type PlanInScope = { inputs: ReportInputs; report: MonitoringReport; rollups: PriorityProgress[] };

/** A theme a priority or an indicator names: by the corporate plan's id, or in the plan's words. */
type ThemeNamed = { linked: boolean; theme: string };

const sameTheme = (a: ThemeNamed, b: ThemeNamed): boolean => a.linked === b.linked && (a.linked ? codeKey(a.theme) === codeKey(b.theme) : a.theme === b.theme);

const themesOfPriority = (priority: ReportInputs['priorities'][number]): ThemeNamed[] => [
  ...priority.themeIds.map((theme) => ({ linked: true, theme })),
  ...priority.themes.map((theme) => ({ linked: false, theme })),
];

const themesOfIndicator = (indicator: ReportInputs['indicators'][number]): ThemeNamed[] =>
  indicator.themeId === null ? [] : [{ linked: true, theme: indicator.themeId }];

/** `?theme=` keeps what names it either way: as a corporate theme's id, or in the plan's words. */
const namesTheme = (named: ThemeNamed[], asked: string): boolean =>
  named.some((theme) => sameTheme(theme, { linked: true, theme: asked }) || sameTheme(theme, { linked: false, theme: asked }));

export function buildCouncilReport(
  plans: ReportInputs[],
  period: string,
  filters: CouncilReportFilters,
  scope: CouncilReportScope,
  rules: ReportRules,
  themesInForce: ThemesInForce,
): CouncilReport {
  const rule = rules.rollupRule;
  const selected = selectPlans(plans, period, filters, rules);
  const all = selected.flatMap((plan) => plan.report.indicators);
  const overall = rollUpProgress(selected.flatMap((plan) => plan.rollups), rule);
  return {
    council: scope.council,
    period,
    filters,
    note: noteOnNoPlan(plans, selected, period, filters, scope),
    plans: selected.map(({ report: { period: _period, budget: _budget, risks: _risks, ...report } }) => ({
      ...report,
      ragCounts: ragCountsOf(report.indicators),
    })),
    ragCounts: ragCountsOf(all),
    progress: overall.plan,
    byService: distinct(selected.map((plan) => plan.inputs.service)).map((service) => {
      const ofService = selected.filter((plan) => plan.inputs.service === service);
      const indicators = ofService.flatMap((plan) => plan.report.indicators);
      return {
        service,
        plans: ofService.length,
        indicators: indicators.length,
        ragCounts: ragCountsOf(indicators),
        progress: rollUpProgress(ofService.flatMap((plan) => plan.rollups), rule).plan,
      };
    }),
    byTheme: themeRollups(selected, themesInForce, rule),
    rounding: overall.rounding,
    method: overall.method,
    rule,
  };
}

export function buildCouncilExceptions(
  plans: ReportInputs[],
  period: string,
  filters: CouncilReportFilters,
  scope: CouncilReportScope,
  rules: ReportRules,
): CouncilExceptions {
  const selected = selectPlans(plans, period, filters, rules);
  const perPlan = selected.map(({ report }) => ({ report, items: exceptionsOf(report) }));
  const items = perPlan.flatMap((plan) => plan.items);
  return {
    council: scope.council,
    period,
    filters,
    note: noteOnNoPlan(plans, selected, period, filters, scope),
    plans: perPlan.map(({ report: { planId, title, service, planVersion, revision }, items: ofPlan }) => ({
      planId,
      title,
      service,
      planVersion,
      revision,
      exceptions: ofPlan.length,
    })),
    counts: Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, items.filter((item) => item.kind === kind).length])) as Record<
      ExceptionKind,
      number
    >,
    items,
  };
}

/** One roll-up per theme the selected plans' priorities and indicators name, in the order first named. */
function themeRollups(selected: PlanInScope[], themesInForce: ThemesInForce, rule: RollupRuleInForce): ThemeRollup[] {
  const named: ThemeNamed[] = [];
  for (const { inputs } of selected) {
    for (const theme of [...inputs.priorities.flatMap(themesOfPriority), ...inputs.indicators.flatMap(themesOfIndicator)]) {
      if (!named.some((seen) => sameTheme(seen, theme))) named.push(theme);
    }
  }
  return named.map((theme) => {
    const priorities = selected.flatMap((plan) =>
      plan.inputs.priorities.flatMap((priority, index) => (themesOfPriority(priority).some((of) => sameTheme(of, theme)) ? [{ plan, rollup: plan.rollups[index] }] : [])),
    );
    const indicators = selected.flatMap((plan) =>
      plan.report.indicators.flatMap((indicator, index) => (themesOfIndicator(plan.inputs.indicators[index]).some((of) => sameTheme(of, theme)) ? [{ plan, indicator }] : [])),
    );
    const corporate = theme.linked ? themesInForce.find(({ id }) => codeKey(id) === codeKey(theme.theme)) : undefined;
    return {
      theme: corporate?.id ?? theme.theme,
      themeId: theme.linked ? (corporate?.id ?? theme.theme) : null,
      title: corporate?.title ?? theme.theme,
      plans: distinct([...priorities, ...indicators].map(({ plan }) => plan.inputs.planId)).length,
      priorities: priorities.length,
      indicators: indicators.length,
      ragCounts: ragCountsOf(indicators.map(({ indicator }) => indicator)),
      progress: rollUpProgress(priorities.map(({ rollup }) => rollup), rule).plan,
    };
  });
}

/**
 * The plans of the service asked for, each reported for the period. With a theme, a plan keeps only
 * its priorities and indicators naming the theme, by the corporate plan's id or in its words (none
 * of its risks, which name no theme), and a plan with none of them is left out.
 */
function selectPlans(plans: ReportInputs[], period: string, { service, theme }: CouncilReportFilters, rules: ReportRules): PlanInScope[] {
  return [...plans]
    .filter((plan) => service === null || plan.service === service)
    .map((plan) =>
      theme === null
        ? plan
        : {
            ...plan,
            risks: [],
            priorities: plan.priorities.filter((priority) => namesTheme(themesOfPriority(priority), theme)),
            indicators: plan.indicators.filter((indicator) => namesTheme(themesOfIndicator(indicator), theme)),
          },
    )
    .filter((plan) => theme === null || plan.priorities.length > 0 || plan.indicators.length > 0)
    .sort((a, b) => compareText(a.service, b.service) || compareText(a.title, b.title) || compareText(a.planId, b.planId))
    .map((inputs) => ({
      inputs,
      report: buildMonitoringReport(inputs, period, rules),
      rollups: prioritiesAtPeriodEnd(inputs.priorities, period, rules.rollupRule).map(({ rollup }) => rollup),
    }));
}

function exceptionsOf(report: MonitoringReport): CouncilException[] {
  const of = { planId: report.planId, planTitle: report.title, service: report.service };
  const indicators = report.indicators.flatMap((indicator): CouncilException[] => {
    if (indicator.rag !== 'red' && indicator.rag !== 'amber') return [];
    const figure = indicator.actual === null ? 'no figure' : formatValue(indicator.actual, indicator.unit);
    return [
      {
        kind: indicator.rag === 'red' ? 'red-indicator' : 'amber-indicator',
        ...of,
        ref: indicator.code,
        title: indicator.title,
        why: `${indicator.rag === 'red' ? 'Red' : 'Amber'}: ${figure} for ${report.period}, ${lowerFirst(indicator.ragReason)}.`,
      },
    ];
  });
  const priorities = report.priorities.flatMap((priority): CouncilException[] => {
    if (priority.status !== 'off-track' && priority.status !== 'slipped') return [];
    const commentary = priority.commentary ? `: ${priority.commentary}` : '';
    return [
      {
        kind: EXCEPTIONAL_STATUSES[priority.status],
        ...of,
        ref: priority.ref,
        title: priority.title,
        why: `Reported ${priority.status} at ${priority.percentComplete}% for ${priority.reportedFor}${commentary}.`,
      },
    ];
  });
  const milestones = report.priorities.flatMap((priority) =>
    priority.milestones
      .filter((milestone) => milestone.overdue)
      .map(
        (milestone): CouncilException => ({
          kind: 'overdue-milestone',
          ...of,
          ref: `${priority.ref}/${milestone.ref}`,
          title: milestone.description,
          why:
            `Due ${milestone.due} and not complete by the end of ${report.period}: ` +
            (milestone.status === null ? 'no progress recorded.' : `${milestone.percentComplete}%, ${milestone.status}.`),
        }),
      ),
  );
  const risks = report.risks
    .filter((risk) => risk.standing.band === TOP_RISK_BAND)
    .map(
      (risk): CouncilException => ({
        kind: 'top-band-risk',
        ...of,
        ref: risk.ref,
        title: risk.title,
        why:
          `Scored ${risk.standing.likelihood} × ${risk.standing.impact} = ${risk.standing.score}, very high, ` +
          (risk.latestReview ? `at its review for ${risk.latestReview.period}.` : 'as its residual score in the register.'),
      }),
    );
  return [...indicators, ...priorities, ...milestones, ...risks];
}

function noteOnNoPlan(
  plans: ReportInputs[],
  selected: PlanInScope[],
  period: string,
  { service, theme }: CouncilReportFilters,
  scope: CouncilReportScope,
): string | null {
  if (selected.length > 0) return null;
  const whose = scope.services === null ? `No plan of ${scope.council}` : `No plan of ${scope.council} in ${listed(scope.services)}`;
  if (plans.length === 0) {
    if (scope.periodsHeld === null) return `${whose} covers ${period}.`;
    const held = scope.periodsHeld.length === 0 ? 'there are none yet' : `they cover ${listed(scope.periodsHeld)}`;
    return `${whose} covers ${period}: ${held}.`;
  }
  const ofService = service === null ? '' : ` of ${service}`;
  return theme === null
    ? `${whose} covers ${period}${ofService}.`
    : `${whose} covering ${period}${ofService} has a priority or an indicator under the theme '${theme}'.`;
}

function ragCountsOf(indicators: Array<{ rag: Rag }>): RagCounts {
  const counts: RagCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const { rag } of indicators) counts[rag] += 1;
  return counts;
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const listed = (values: string[]): string =>
  values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
