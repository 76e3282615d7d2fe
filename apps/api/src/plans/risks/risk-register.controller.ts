import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const RiskRegisterController = planPartReadController({
  tag: 'risks',
  name: 'RiskRegisterController',
  route: 'risks',
  part: 'risks',
  summary: 'The plan\'s risk register: each risk\'s scores and bands, and its reviews',
});
