import { BUDGET_KINDS, MAX_BUDGET_AMOUNT, PLAN_LIMITS, type BudgetKind } from '@app/domain';
import { EnumField, IdentifierField, NestedListField, NumberField, PeriodField, TextField } from '../commands/dto/fields';

export class BudgetAmountDto {
  @PeriodField({
    description: 'The financial year, "2020/21" ("2020-21" is read as the same); within two years before the plan and three after it.',
    example: '2020/21',
  })
  year: string;

  @EnumField(BUDGET_KINDS, { description: 'Which budget the figure is: as set, as revised in the year, as forecast, or as spent.', example: 'latest' })
  kind: BudgetKind;

  @NumberField({
    description: 'Pounds, to the penny at most (a figure printed in £\'000 is entered in pounds); negative for income.',
    example: 1824973,
    min: -MAX_BUDGET_AMOUNT,
    max: MAX_BUDGET_AMOUNT,
  })
  value: number;
}

export class AddBudgetLineDto {
  @IdentifierField({ description: 'The line\'s code in the plan, compared without regard to case.', example: 'CS-NET' })
  code: string;

  @TextField({ description: 'The cost centre or service.', example: 'Net Cost of Service (Direct cost / Income Only)', maxLength: 200 })
  title: string;

  @NestedListField(() => BudgetAmountDto, {
    description: 'One amount per year and kind; totals per year and kind are computed from every line\'s.',
    optional: true,
    limit: PLAN_LIMITS.amountsPerBudgetLine,
  })
  amounts?: BudgetAmountDto[];

  @TextField({ description: 'Explains the figures or their movements; kept as written.', example: 'Latest budget includes the 2020/21 pay award', optional: true })
  note?: string;
}

export class ReviseBudgetLineDto {
  @TextField({ description: 'New title.', optional: true, maxLength: 200 })
  title?: string;

  @NestedListField(() => BudgetAmountDto, {
    description: 'The full new list of amounts: a year and kind left out is removed.',
    optional: true,
    limit: PLAN_LIMITS.amountsPerBudgetLine,
  })
  amounts?: BudgetAmountDto[];

  @TextField({ description: 'New note; null removes it.', optional: true, nullable: true })
  note?: string | null;

  @TextField({ description: 'Why the line is revised.', example: 'Latest budget agreed at Council in February' })
  reason: string;
}

export class SetPrintedBudgetTotalsDto {
  @NestedListField(() => BudgetAmountDto, {
    description: 'Every total the plan prints, one per year and kind, shown beside the computed total with the difference; a year and kind left out loses its printed total.',
    limit: PLAN_LIMITS.printedBudgetTotalsPerPlan,
  })
  totals: BudgetAmountDto[];

  @TextField({ description: 'Why the printed totals change; needed once the plan has some.', example: 'As printed in the version to Council', optional: true })
  reason?: string;
}
