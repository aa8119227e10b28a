// Text from servers and users (tool names, parameter names, header and variable names, search
// words) is never a key into an ordinary object: `{}["constructor"]` is a function and
// `{}["__proto__"] = x` replaces the prototype. Tables keyed by such text are Maps; where a plain
// object must be read (parsed JSON), `own` reads only what the object itself holds.
// (eslint-rules/no-text-keyed-lookup.js keeps it so.)

/** The value the object itself holds at `key`, never one inherited from Object.prototype. */
export function own<T>(object: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  // eslint-disable-next-line toolrisk/no-text-keyed-lookup -- the one checked lookup
  return object != null && Object.hasOwn(object, key) ? object[key] : undefined;
}
