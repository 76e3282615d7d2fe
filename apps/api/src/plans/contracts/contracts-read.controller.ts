import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const ContractsReadController = planPartReadController({
  tag: 'contracts',
  name: 'ContractsReadController',
  route: 'contracts',
  part: 'contracts',
  summary: 'The plan\'s contracts register',
});
