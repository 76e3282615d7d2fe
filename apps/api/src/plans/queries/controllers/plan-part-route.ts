import { applyDecorators, Get } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOperation } from '@nestjs/swagger';
import type { PlanView } from '@app/projections';
import { Access } from '../../../auth/access-table';
import { ApiPlanPartAnswer } from '../../../openapi/answers';
import { NOT_MODIFIED } from './plan-queries.controller';

/** A section of the plan read on its own, at `GET /v1/plans/{planId}/<path>`, by whoever may read the plan. */
export const PlanPartRoute = (path: string, part: keyof PlanView, summary: string) =>
  applyDecorators(
    Get(`:planId/${path}`),
    ApiNotModifiedResponse({ description: NOT_MODIFIED }),
    Access('plans.read'),
    ApiPlanPartAnswer(part, { description: `The plan's \`${part}\`, with which plan, revision and version it is of.`, etag: true }),
    ApiOperation({
      summary,
      description:
        'Its part of the plan view, with the same `asOf`, `version` and `waitFor` as the plan read, and the plan\'s ETag. ' +
        'A past state (`asOf` or `version`) needs a role of `plans.readAsOf`: editor, governance or auditor, and says `X-Integrity`.',
    }),
  );
