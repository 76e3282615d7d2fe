import { type ArgumentMetadata, BadRequestException, type Type, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

/**
 * One line per broken rule, `<field path>: <what is wrong>`, reaching into nested objects and lists,
 * whose elements are named by index (`outcomes[1].description: must be a string`).
 */
export function describeValidationErrors(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parentPath}[${error.property}]`
      : parentPath
        ? `${parentPath}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => describeFault(path, error.property, message));
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/**
 * class-validator's messages start with the field's name ("title must be a string"), which the path
 * replaces; a check refusing one element of a list names it after the field's name ("themes[1] must
 * not be blank"), which goes into the path.
 */
function describeFault(path: string, property: string, message: string): string {
  for (const prefix of [property, `property ${property}`]) {
    if (!message.startsWith(prefix)) continue;
    const element = /^(\[\d+\])? /.exec(message.slice(prefix.length));
    if (element) return `${path}${element[1] ?? ''}: ${message.slice(prefix.length + element[0].length)}`;
  }
  return `${path}: ${message}`;
}

/**
 * Most reads send no query at all, and the verdict on an empty query depends on its DTO class alone:
 * once an empty query of a class has passed, the next is only converted to the class, without
 * walking every rule of the class again. An empty query that fails is validated every time, so its
 * answer names the fields as the first did.
 */
class QueryValidationPipe extends ValidationPipe {
  private readonly classesAcceptingEmptyQueries = new WeakSet<Type>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metadata.type !== 'query' || metatype === undefined || !isEmptyObject(value) || !this.toValidate(metadata)) {
      return super.transform(value, metadata);
    }
    if (this.classesAcceptingEmptyQueries.has(metatype)) return plainToInstance(metatype, {}, this.transformOptions);
    const accepted: unknown = await super.transform(value, metadata);
    this.classesAcceptingEmptyQueries.add(metatype);
    return accepted;
  }
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const _key in value) return false;
  return true;
}

/** Rejects unknown fields, converts to the DTO classes, and answers 400 naming every offending field. */
export function createValidationPipe(): ValidationPipe {
  return new QueryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Two rules may say the same of one field (a list of objects sent as a number); once is enough.
    exceptionFactory: (errors) => new BadRequestException([...new Set(describeValidationErrors(errors))]),
  });
}
