import { InvalidParameterError } from '@app/application-errors';
import { DomainError, normalisePeriod } from '@app/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from './nest';

/**
 * The domain's reading of input the client wrote, where a text that is not what it should be is a bad
 * request (400) naming the parameter, not a refusal by the plan's rules.
 */
export function parsedInput<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidParameterError(name, error.message);
    throw error;
  }
}

/** A year, quarter or month in a path ("2023-24", "2023-24-Q1", "2023-24-M07" or "2023-10"), in its canonical form ("2023/24-Q1"). */
@Injectable()
export class PeriodParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    return parsedInput(metadata.data ?? 'period', () => normalisePeriod(value));
  }
}
