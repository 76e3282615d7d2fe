import { planPartReadController } from '../queries/controllers/plan-part-read.controller';

export const WorkforceReadController = planPartReadController({
  tag: 'workforce',
  name: 'WorkforceReadController',
  route: 'workforce',
  part: 'workforce',
  summary: 'The plan\'s workforce: its latest headcount per unit, with totals computed',
});

export const KeyPostsReadController = planPartReadController({
  tag: 'workforce',
  name: 'KeyPostsReadController',
  route: 'key-posts',
  part: 'keyPosts',
  summary: 'The plan\'s key posts: its single points of failure',
});

export const SkillsReadController = planPartReadController({
  tag: 'workforce',
  name: 'SkillsReadController',
  route: 'skills',
  part: 'skills',
  summary: 'The skills and qualifications the plan\'s posts need',
});
