/** A translated namespace: exactly the source namespace's keys, each a string, so a missing or stray key is a type error. */
export type Namespace<Source extends Record<string, string>> = { readonly [K in keyof Source]: string };
