import { ImportRefusedError, type ImportProblem } from '@app/application-errors';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { PlanCommandService, type PlanCommandOutcome } from '../plans/commands/plan-command.service';
import { refusalProblems, sortedProblems, type PreparedImport } from './plan-import';

/** What an import answers: the plan it makes, how many commands and events it comes to, and every problem found. */
export interface PlanImportAnswer {
  dryRun: boolean;
  planId: string | null;
  /** Whether the plan can be (dry run) or was imported: no problem at all. */
  importable: boolean;
  commands: number;
  events: number;
  problems: ImportProblem[];
  /** The write, as any plan command answers it; null on a dry run. */
  written: PlanCommandOutcome | null;
}

/** A plan's import as one bus command, to the one service every plan command goes through. */
export class ImportPlanCommand extends Command<PlanImportAnswer> {
  constructor(
    readonly prepared: PreparedImport,
    readonly caller: Caller,
    readonly trace: RequestTrace,
    readonly dryRun: boolean,
  ) {
    super();
  }
}

@CommandHandler(ImportPlanCommand)
export class ImportPlanCommandHandler implements ICommandHandler<ImportPlanCommand, PlanImportAnswer> {
  constructor(private readonly plans: PlanCommandService) {}

  /**
   * A dry run answers every problem, the rules' refusals of the valid rows among them; the real run
   * writes only a plan without any, and otherwise refuses with them all (422), writing nothing.
   */
  async execute({ prepared, caller, trace, dryRun }: ImportPlanCommand): Promise<PlanImportAnswer> {
    const { draft, commands } = prepared;
    const answer = (outcome: { events: number; problems: ImportProblem[]; written: PlanCommandOutcome | null }): PlanImportAnswer => {
      if (!dryRun && outcome.problems.length > 0) throw new ImportRefusedError(outcome.problems);
      return { dryRun, planId: draft?.data.planId ?? null, importable: outcome.problems.length === 0, commands: commands.length + (draft ? 1 : 0), ...outcome };
    };
    if (draft === null) return answer({ events: 0, problems: prepared.problems, written: null });
    // Problems of reading or validation first: what the rules would make of rows that are wrong is not worth deciding for real.
    const decideForReal = !dryRun && prepared.problems.length === 0;
    const outcome = await this.plans.importPlan(draft, commands, caller, trace, { dryRun: !decideForReal });
    const problems = sortedProblems([...prepared.problems, ...refusalProblems(prepared, outcome.refusals)]);
    return answer({ events: outcome.events, problems, written: outcome.written });
  }
}
