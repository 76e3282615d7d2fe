/**
 * Preloaded with `node -r` to make a process look like Node 20.12, too old for this service, and to
 * say on stderr, as the process ends, if anything of Nest was loaded: the version check must come
 * before any dependency that an older Node cannot load.
 */
const Module = require('node:module');

Object.defineProperty(process.versions, 'node', { value: '20.12.0' });

let nestLoaded = false;
const load = Module._load;
Module._load = function loadNoting(request, ...rest) {
  if (request.startsWith('@nestjs/')) nestLoaded = true;
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  if (nestLoaded) process.stderr.write('Nest was loaded before the Node version was checked\n');
});
