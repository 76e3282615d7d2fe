import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const BudgetQueriesController = planPartReadController({
  tag: 'budget',
  name: 'BudgetQueriesController',
  route: 'budget-lines',
  part: 'budget',
  summary: 'The plan\'s budget: its lines and the totals per year and kind computed from them',
});
