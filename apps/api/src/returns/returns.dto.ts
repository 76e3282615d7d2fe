import { RETURN_STATUSES, type ReturnStatus } from '@app/domain';
import { EnumField, PeriodField } from '../plans/commands/dto/fields';
import { ReadYourWritesParams } from '../plans/queries/dto/query-params';

export class ReturnsParams extends ReadYourWritesParams {
  @PeriodField({
    description:
      'The returns for this month, quarter or year (`2024-25-Q1`, `2024-10`), ended or not; without it, those of every period that has ended by today.',
    optional: true,
  })
  period?: string;

  @EnumField(RETURN_STATUSES, {
    description: 'Only the returns standing so: `due`, `overdue`, `submitted` (recorded, not yet verified) or `verified`. `counts` still counts them all.',
    example: 'overdue',
    optional: true,
  })
  status?: ReturnStatus;

  @EnumField(['true', 'false'], {
    description: "`true`: only the caller's own: the returns they own, and the figures awaiting their verification as their approver.",
    example: 'true',
    optional: true,
  })
  mine?: 'true' | 'false';
}
