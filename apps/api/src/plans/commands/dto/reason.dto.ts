import { TextField } from './fields';

/** For the commands that need nothing but a reason: withdraw or remove an item, reopen or close a plan. */
export class ReasonDto {
  @TextField({ description: 'Why.', example: 'Superseded by the 2024/25 plan' })
  reason: string;
}
