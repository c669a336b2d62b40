/**
 * Entry point of `npm run trace` (the CLI itself is trace.ts). It turns on Node's compile cache
 * before the TypeScript modules load: with it, a run after the first reuses their stripped and
 * compiled code instead of loading the type stripper and compiling again (about 0.15 s of CPU
 * per run, a tenth of a 100 MB capture's analysis). Plain JavaScript, because a .ts entry would
 * load the type stripper before the cache is on. The cache lives where Node puts it by default
 * (NODE_COMPILE_CACHE, else node-compile-cache in the OS temp directory) and checks each file's
 * contents, so an edited module is compiled afresh.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./trace.ts');
