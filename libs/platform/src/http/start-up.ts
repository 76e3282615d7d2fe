import { StoreUnavailableError } from '@app/storage/store-unavailable.error';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '../config/app-config';

/**
 * A module refused to start the application, as the projector does on read models that do not match
 * the event store; the message says what is wrong and what to do.
 */
export class StartUpRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartUpRefusedError';
  }
}

/** Failures whose message is a sentence saying what is wrong and what to do; a stack would only bury it. */
const EXPLAINED_FAILURES = [ConfigurationError, StoreUnavailableError, StartUpRefusedError];

/**
 * Ends a start-up that failed. A bad setting, a store that cannot be used, read models that do not
 * match the event store, or a busy port is told in one sentence on stderr, since an operator can act
 * on that alone; anything else also prints the log lines held back so far.
 */
export function exitOnStartUpFailure(error: unknown, port?: number): never {
  if (EXPLAINED_FAILURES.some((explained) => error instanceof explained)) {
    process.stderr.write(`${(error as Error).message}\n`);
  } else if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${port ?? ''} is already in use by another process.\n`);
  } else {
    Logger.flush();
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
