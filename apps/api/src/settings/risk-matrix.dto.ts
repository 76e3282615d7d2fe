import { RISK_BANDS, type RiskBand, type RiskMatrixCell } from '@app/domain';
import { EnumField, NestedListField, TextField, WholeNumberField } from '../plans/commands/dto/fields';

export class RiskMatrixCellDto implements RiskMatrixCell {
  @WholeNumberField({ description: 'Likelihood, 1 (remote) to 4 (very likely).', example: 3, min: 1, max: 4 })
  likelihood: number;

  @WholeNumberField({ description: 'Impact, 1 (marginal) to 4 (catastrophic).', example: 2, min: 1, max: 4 })
  impact: number;

  @EnumField(RISK_BANDS, { description: 'The band of a risk scored in this cell.', example: 'medium' })
  band: RiskBand;
}

export class SetRiskMatrixDto {
  @NestedListField(() => RiskMatrixCellDto, {
    description:
      'All 16 cells, each once, in any order. A band may not fall as likelihood or impact grows. ' +
      'Risks recorded afterwards are banded with it; those recorded before keep the band they were given.',
  })
  cells: RiskMatrixCellDto[];

  @TextField({ description: 'Why the matrix is set.', example: 'Adopted by the Audit Committee, minute 42' })
  reason: string;
}
