import { DateField, IdentifierField, NestedField, PeriodField, TextField, WholeNumberField } from '../commands/dto/fields';

/** Likelihood and impact as entered; the score (their product) and band (from the council's matrix) are computed. */
export class RiskScoreDto {
  @WholeNumberField({ description: 'Likelihood, 1 (remote, 5% or less) to 4 (very likely, 80% or more).', example: 2, min: 1, max: 4 })
  likelihood: number;

  @WholeNumberField({ description: 'Impact, 1 (marginal) to 4 (catastrophic).', example: 2, min: 1, max: 4 })
  impact: number;
}

export class AddRiskDto {
  @IdentifierField({ description: "The risk's reference in the register.", example: 'R1' })
  ref: string;

  @TextField({ description: 'The risk as the register words it.', example: 'Insufficient staff' })
  title: string;

  @TextField({ description: 'Who owns the risk.', example: 'Head of Corporate Services', optional: true, maxLength: 200 })
  owner?: string;

  @NestedField(() => RiskScoreDto, { description: 'The score before controls.', optional: true })
  inherent?: RiskScoreDto;

  @NestedField(() => RiskScoreDto, { description: 'The score with the controls in place.' })
  residual: RiskScoreDto;

  @TextField({ description: 'The controls in place.', example: 'Cross-training; documented procedures', optional: true })
  controls?: string;

  @DateField({ description: 'When the risk is next reviewed.', example: '2020-09-30', optional: true })
  reviewDate?: string;
}

export class ReviseRiskDto {
  @TextField({ description: 'New title.', optional: true })
  title?: string;

  @TextField({ description: 'New owner; null removes it.', optional: true, nullable: true, maxLength: 200 })
  owner?: string | null;

  @NestedField(() => RiskScoreDto, { description: 'New score before controls; null removes it.', optional: true, nullable: true })
  inherent?: RiskScoreDto | null;

  @NestedField(() => RiskScoreDto, { description: 'New score with the controls in place; given again, it is banded with the matrix in force now.', optional: true })
  residual?: RiskScoreDto;

  @TextField({ description: 'New controls; null removes them.', optional: true, nullable: true })
  controls?: string | null;

  @DateField({ description: 'New review date; null removes it.', optional: true, nullable: true })
  reviewDate?: string | null;

  @TextField({ description: 'Why the risk is revised.', example: 'Re-scored after the server replacement' })
  reason: string;
}

export class ReviewRiskDto {
  @PeriodField({ description: 'The period reviewed.', example: '2020/21-Q1' })
  period: string;

  @NestedField(() => RiskScoreDto, { description: 'The residual score the review gives the risk.' })
  residual: RiskScoreDto;

  @TextField({ description: 'What the review found.', example: 'Two vacancies filled; risk unchanged', optional: true })
  commentary?: string;
}
