import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { parsePlanPeriod, PLAN_LIMITS } from '@app/domain';
import { Transform } from 'class-transformer';
import { CheckedBy, DATE_ONLY_PATTERN, DateField, IdentifierField, TextField, TextListField, trim } from '../commands/dto/fields';

const PLAN_PERIOD_SHAPE = 'must be a financial year such as 2023/24, or { "from": "2020-04-01", "to": "2023-03-31" }';

/** The domain reads the period; this first refuses shapes it was never meant to see. */
function parsePlanPeriodInput(value: unknown): unknown {
  if (typeof value === 'string') return parsePlanPeriod(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(PLAN_PERIOD_SHAPE);
  const { from, to, ...rest } = value as Record<string, unknown>;
  const isDate = (text: unknown): text is string => typeof text === 'string' && DATE_ONLY_PATTERN.test(text);
  if (Object.keys(rest).length > 0 || !isDate(from) || !isDate(to)) throw new Error(PLAN_PERIOD_SHAPE);
  return parsePlanPeriod({ from, to });
}

/** "2023/24", or whole financial years as a range of ISO dates. */
function PlanPeriodField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description: 'One financial year ("2023/24") or several, as `{ from, to }` ISO dates (1 April to 31 March).',
      oneOf: [
        { type: 'string', example: '2023/24' },
        {
          type: 'object',
          required: ['from', 'to'],
          properties: {
            from: { type: 'string', format: 'date', example: '2020-04-01' },
            to: { type: 'string', format: 'date', example: '2023-03-31' },
          },
        },
      ],
    }),
    Transform(({ value }) => trim(value)),
    CheckedBy('isPlanPeriod', parsePlanPeriodInput),
  );
}

const PLAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** A plan id the client chooses: optional, plain letters, digits, "-" and "_". */
export function PlanIdField(description: string): PropertyDecorator {
  return applyDecorators(
    TextField({ description, example: '9b1f4c1e-3f0a-4b47-8a0e-6f4c8d1f2a10', optional: true, maxLength: 100 }),
    CheckedBy('isPlanId', (value) => {
      if (typeof value === 'string' && !PLAN_ID_PATTERN.test(value)) throw new Error('may use only letters, digits, "-" and "_"');
    }),
  );
}

export class DraftPlanDto {
  @TextField({ description: 'The plan as it is titled.', example: 'Service Plan 2023/24: Corporate Services' })
  title: string;

  @TextField({ description: 'Service area or directorate.', example: 'Corporate Services', maxLength: 200 })
  service: string;

  @PlanPeriodField()
  period: string | { from: string; to: string };

  @PlanIdField('Chosen by the client; derived from the Idempotency-Key when one is sent, else a new UUID.')
  planId?: string;

  @TextField({ description: 'Who owns the plan.', example: 'Graeme Clark', optional: true, maxLength: 200 })
  owner?: string;
}

export class SubmitForScrutinyDto {
  @TextField({ description: 'The committee that will consider the plan.', example: 'Overview and Scrutiny Committee' })
  committee: string;

  @DateField({ description: 'The meeting at which it will be considered.', optional: true })
  meetingDate?: string;
}

export class RecordScrutinyDto {
  @TextField({ description: 'The committee that scrutinised the plan.', example: 'Overview and Scrutiny Committee' })
  committee: string;

  @DateField({ description: 'Date of the meeting.' })
  meetingDate: string;

  @TextField({ description: 'The minute reference.', example: '126', optional: true, maxLength: 200 })
  minuteRef?: string;

  @TextListField({
    description: 'The committee\'s comments, one per entry.',
    example: ['Add a target for the website accessibility work.'],
    minItems: 1,
    limit: PLAN_LIMITS.commentsPerScrutiny,
  })
  comments: string[];
}

export class PublishVersionDto {
  @IdentifierField({ description: 'The version\'s label, written as a reference is; the next number when absent.', example: '2', optional: true })
  label?: string;

  @TextField({ description: 'Why the version is published.', example: 'Version updated to reflect O&S comments' })
  reason: string;

  @DateField({ description: 'The date the version carries in the plan; the day it is recorded when absent.', optional: true })
  effectiveDate?: string;
}

export class ApprovePlanDto {
  @TextField({ description: 'The body that approved the plan.', example: 'Cabinet', maxLength: 200 })
  body: string;

  @DateField({ description: 'Date of the meeting.', example: '2024-04-04' })
  meetingDate: string;

  @TextField({ description: 'The decision or minute reference.', optional: true, maxLength: 200 })
  decisionRef?: string;
}

export class RollForwardDto {
  @PlanPeriodField()
  period: string | { from: string; to: string };

  @TextField({
    description: "The new plan's title; the old plan's, with its period's label replaced by the new one's, when absent.",
    example: 'Service Plan 2024/25: Corporate Services',
    optional: true,
  })
  title?: string;
}
