import { Inject, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { parseAppConfig } from './app-config';

/** Parsed from the environment when the application is built, so a test can set the environment first. */
export const appConfig = registerAs('app', () => parseAppConfig(process.env));

/** DI token of the validated `AppConfig`. */
export const APP_CONFIG = appConfig.KEY;

export const InjectAppConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/**
 * Settings come from environment variables only (no `.env` file is read), validated by
 * `parseAppConfig`; other settings (e.g. `JWT_*`) stay reachable through `ConfigService`.
 */
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, cache: true, load: [appConfig] })],
})
export class PlatformConfigModule {}
