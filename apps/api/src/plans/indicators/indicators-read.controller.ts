import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const IndicatorsReadController = planPartReadController({
  tag: 'indicators',
  name: 'IndicatorsReadController',
  route: 'indicators',
  part: 'indicators',
  summary: 'The plan\'s performance indicators, with their targets and actuals as rated when recorded',
});
