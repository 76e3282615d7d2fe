import { Injectable, OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_METADATA_KEY } from './access-table';
import { API_PREFIX, isApiPath, normalPath } from './api-paths';

/**
 * Refuses to start an application that has a `/v1` route without `@Access(operation)`, so a route
 * nobody thought about never goes live open, nor fails only when first called.
 */
@Injectable()
export class AccessCoverageCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly application: ApplicationConfig,
  ) {}

  onModuleInit(): void {
    const unguarded = this.apiRoutes().filter((route) => !Reflect.hasMetadata(ACCESS_METADATA_KEY, route.handler));
    if (unguarded.length > 0) {
      const list = unguarded.map((route) => `${route.name} (${route.method} ${route.path})`).join(', ');
      throw new Error(`Every ${API_PREFIX} route must name its operation with @Access(...); these do not: ${list}.`);
    }
  }

  private apiRoutes(): { name: string; method: string; path: string; handler: object }[] {
    const prefix = this.application.getGlobalPrefix();
    return this.discovery.getControllers().flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const controllerPaths = paths(Reflect.getMetadata(PATH_METADATA, metatype));
      const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
      return this.scanner.getAllMethodNames(prototype).flatMap((methodName) => {
        const handler = prototype[methodName];
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) return [];
        return controllerPaths.flatMap((controllerPath) =>
          paths(Reflect.getMetadata(PATH_METADATA, handler))
            .map((methodPath) => normalPath(`/${prefix}/${controllerPath}/${methodPath}`))
            .filter(isApiPath)
            .map((path) => ({ name: `${metatype.name}.${methodName}`, method: RequestMethod[method], path, handler })),
        );
      });
    });
  }
}

function paths(metadata: string | string[] | undefined): string[] {
  if (metadata === undefined) return [''];
  return Array.isArray(metadata) ? metadata : [metadata];
}
