/**
 * The only platform globals the engine may use beyond ECMAScript: both browsers and Node have
 * them. tsconfig.engine.json type-checks src/engine with these and without the DOM library, so
 * an engine module that touches `document`, `window` or `localStorage` fails `npm run check`.
 * (The root tsconfig excludes this file: the DOM library declares the same names.)
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare function structuredClone<T>(value: T): T;
