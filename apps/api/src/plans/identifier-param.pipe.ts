import { InvalidParameterError } from '@app/application-errors';
import { identifierFault, normaliseIdentifier } from '@app/domain';
import { Injectable, type ArgumentMetadata, type PipeTransform } from './nest';

/** A priority ref, indicator code or version label in a path, normalised and checked as it is in a body. */
@Injectable()
export class IdentifierParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const identifier = normaliseIdentifier(value);
    const fault = identifier.length === 0 ? 'must not be blank' : identifierFault(identifier);
    if (fault) throw new InvalidParameterError(metadata.data ?? 'reference', fault);
    return identifier;
  }
}
