import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const PrioritiesReadController = planPartReadController({
  tag: 'priorities',
  name: 'PrioritiesReadController',
  route: 'priorities',
  part: 'priorities',
  summary: 'The plan\'s priorities, projects and actions, with their outcomes and latest progress',
});
