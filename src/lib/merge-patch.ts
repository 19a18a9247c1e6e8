// JSON Merge Patch (RFC 7396): what a PATCH to the API means. A member of the patch replaces the target's member of
// the same name, null removes it, an object merges into the target's object member by member, and anything else
// (a string, a number, an array) replaces the whole value. Members not in the patch stay as they are.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    // defineProperty, so a member called __proto__ is a member, never the object's prototype.
    else Object.defineProperty(result, name, { value: applyMergePatch(result[name], value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}
