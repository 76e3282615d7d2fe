import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const SectionsReadController = planPartReadController({
  tag: 'narrative',
  name: 'SectionsReadController',
  route: 'sections',
  part: 'sections',
  summary: 'The plan\'s narrative sections, by place then key',
});

export const ContributionsReadController = planPartReadController({
  tag: 'narrative',
  name: 'ContributionsReadController',
  route: 'contributions',
  part: 'contributions',
  summary: 'The service\'s contributions to the corporate plan\'s themes, by theme id',
});
