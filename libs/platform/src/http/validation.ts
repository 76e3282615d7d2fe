import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** Rejects unknown fields, converts to the DTO classes, and answers 400 naming every offending field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Two rules may say the same of one field (a list of objects sent as a number); once is enough.
    exceptionFactory: (errors) => new BadRequestException([...new Set(describeValidationErrors(errors))]),
  });
}
