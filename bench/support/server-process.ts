import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withoutShellSettings } from '../../test/support/shell-settings';
import type { ServerKind, ServerReady } from './http-server';

const REPO_ROOT = resolve(__dirname, '../..');
// Generous: on a machine shared with other work, ts-node compiling the API can take minutes.
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 15_000;
/** `/proc` counts CPU time in clock ticks, 100 a second on Linux (USER_HZ). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Extra Node arguments for the servers, e.g. `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`
 * to see where the API spends its time under the benchmark's load.
 */
function profilingArguments(): string[] {
  return process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

/**
 * One benchmark server in its own process (TypeScript through ts-node, transpile only, with the path
 * aliases), so that it and the load generator each have a core of a two-core machine.
 */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(kind: ServerKind, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = fork(join(__dirname, 'http-server.ts'), [kind], {
      cwd: REPO_ROOT,
      // Embedded stores whatever the shell configures (a CI run sets MONGODB_URI for the tests).
      env: { ...withoutShellSettings(process.env), ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
      execArgv: [...profilingArguments(), '-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
      // The API logs a line per request, as in production; /dev/null takes them without back-pressure.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((resolvePort, reject) => {
      const fail = (reason: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`The ${kind} benchmark server ${reason}${stderr ? `:\n${stderr}` : ''}`));
      };
      const timer = setTimeout(() => fail(`did not listen within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      child.once('message', (message: ServerReady) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolvePort(new ServerProcess(child, message.port));
      });
      child.once('exit', (code) => fail(`exited with code ${code} before listening`));
    });
  }

  /**
   * Runs `work` (a load against this server) and gives its result with the server's CPU time per
   * answer over it: null where there is no `/proc` or `work` had no answer.
   */
  async cpuPerAnswer<T>(work: () => Promise<T>, answersOf: (result: T) => number): Promise<{ result: T; cpuMicrosPerAnswer: number | null }> {
    const before = this.cpuSeconds();
    const result = await work();
    const after = this.cpuSeconds();
    const answers = answersOf(result);
    return { result, cpuMicrosPerAnswer: before === null || after === null || answers === 0 ? null : ((after - before) * 1e6) / answers };
  }

  /**
   * CPU seconds the server has used so far (user and system, from `/proc`), or null where there is
   * no `/proc`. Per answer, it is what a request costs however many other processes share the cores.
   */
  cpuSeconds(): number | null {
    try {
      // The fields after the command name, whose parentheses may hold spaces: utime and stime are 12th and 13th.
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return null;
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** SIGTERM, so the API drains and its projector commits; SIGKILL if it has not exited in time. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolveStop) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolveStop();
      });
      this.child.kill('SIGTERM');
    });
  }
}
