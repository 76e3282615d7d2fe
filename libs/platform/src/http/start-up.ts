import { Logger } from '@nestjs/common';
import { ConfigurationError } from '../config/app-config';

/**
 * Ends a start-up that failed. A bad setting or a busy port is told in one sentence on stderr, since
 * an operator can fix it from that alone; anything else also prints the log lines held back so far.
 */
export function exitOnStartUpFailure(error: unknown, port?: number): never {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${port ?? ''} is already in use by another process.\n`);
  } else {
    Logger.flush();
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
