/**
 * What the plans' code other than controllers, DTOs and modules takes from `@nestjs/common`:
 * injection and the pieces of Nest's request pipeline (pipes, interceptors, parameter and route
 * decorators), and none of its HTTP exceptions. A refusal is an application error
 * (`@app/application-errors`) whose status the error filter alone decides; `.dependency-cruiser.js`
 * lets these files reach `@nestjs/common` only through here.
 */
export {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  HttpStatus,
  Inject,
  Injectable,
  type ArgumentMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
