import { IdentifierField, NumberField, TextField } from '../commands/dto/fields';

/** The largest contract sum accepted, in pounds: far above any service's contract, low enough to stay exact. */
const MAX_CONTRACT_SUM = 1_000_000_000_000;

/** A date as a register words it ("March 2014", "31/03/2024", "Annual"), kept as written with the date it means. */
const DATE_TEXT_LENGTH = 200;

export class AddContractDto {
  @IdentifierField({ description: 'The contract\'s reference in the register.', example: 'C1' })
  ref: string;

  @TextField({ description: 'Title of the agreement.', example: 'Website hosting, licence and maintenance' })
  title: string;

  @TextField({ description: 'The service area it belongs to.', example: 'Communications', optional: true, maxLength: 200 })
  serviceArea?: string;

  @TextField({ description: 'The service contact.', example: 'Phil King', optional: true, maxLength: 200 })
  contact?: string;

  @TextField({ description: 'The goods or services provided.', example: 'Website hosting, licence and maintenance', optional: true })
  description?: string;

  @TextField({ description: 'The supplier\'s name.', example: 'Byte9', maxLength: 200 })
  supplier: string;

  @NumberField({ description: 'The contract sum in pounds.', example: 19700, optional: true, min: 0, max: MAX_CONTRACT_SUM })
  value?: number;

  @TextField({ description: 'Start date as the register words it.', example: 'March 2014', optional: true, maxLength: DATE_TEXT_LENGTH })
  start?: string;

  @TextField({ description: 'End date as the register words it.', example: '31/03/2024', optional: true, maxLength: DATE_TEXT_LENGTH })
  end?: string;

  @TextField({ description: 'Review date as the register words it.', example: 'Annual', optional: true, maxLength: DATE_TEXT_LENGTH })
  review?: string;

  @TextField({ description: 'The option to extend, and the length of the extension.', example: 'Annual renewal', optional: true, maxLength: 200 })
  extension?: string;
}

/** Any of the fields, with a reason; null clears an optional one. */
export class ReviseContractDto {
  @TextField({ description: 'New title.', optional: true })
  title?: string;

  @TextField({ description: 'New service area; null removes it.', optional: true, nullable: true, maxLength: 200 })
  serviceArea?: string | null;

  @TextField({ description: 'New service contact; null removes it.', optional: true, nullable: true, maxLength: 200 })
  contact?: string | null;

  @TextField({ description: 'New description; null removes it.', optional: true, nullable: true })
  description?: string | null;

  @TextField({ description: 'New supplier.', optional: true, maxLength: 200 })
  supplier?: string;

  @NumberField({ description: 'New contract sum in pounds; null removes it.', example: 21000, optional: true, nullable: true, min: 0, max: MAX_CONTRACT_SUM })
  value?: number | null;

  @TextField({ description: 'New start date as worded; null removes it.', optional: true, nullable: true, maxLength: DATE_TEXT_LENGTH })
  start?: string | null;

  @TextField({ description: 'New end date as worded; null removes it.', example: 'March 2025', optional: true, nullable: true, maxLength: DATE_TEXT_LENGTH })
  end?: string | null;

  @TextField({ description: 'New review date as worded; null removes it.', optional: true, nullable: true, maxLength: DATE_TEXT_LENGTH })
  review?: string | null;

  @TextField({ description: 'New option to extend; null removes it.', optional: true, nullable: true, maxLength: 200 })
  extension?: string | null;

  @TextField({ description: 'Why the contract is revised.', example: 'Renewed for 2021/22' })
  reason: string;
}
