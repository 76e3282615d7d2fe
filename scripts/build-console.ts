/**
 * Builds the console (apps/console) into static files the API serves at /console: the pages bundled
 * by esbuild, and GOV.UK Frontend's stylesheet, fonts and images copied beside them, so that every
 * file comes from the API's own origin as the console's Content-Security-Policy requires.
 * `npm start` runs it before the API starts; the browser tests run it before they open a page.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONSOLE_BUILD_DIR = resolve(__dirname, '..', 'dist', 'console');

const SOURCE_DIR = resolve(__dirname, '..', 'apps', 'console');
const GOVUK_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

export async function buildConsole(outDir: string = CONSOLE_BUILD_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(SOURCE_DIR, 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(SOURCE_DIR, 'tsconfig.json'),
    outfile: join(outDir, 'console.js'),
    logLevel: 'warning',
  });
  cpSync(join(SOURCE_DIR, 'index.html'), join(outDir, 'index.html'));
  cpSync(join(SOURCE_DIR, 'console.css'), join(outDir, 'console.css'));
  cpSync(join(GOVUK_DIR, 'govuk-frontend.min.css'), join(outDir, 'govuk-frontend.min.css'));
  cpSync(join(GOVUK_DIR, 'assets'), join(outDir, 'assets'), { recursive: true });
}

if (require.main === module) {
  buildConsole().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
