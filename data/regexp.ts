// Text from servers (tool names, folder paths) put inside a regular expression matches only itself.

/** `text` with every character that means something in a pattern escaped: `a.b` matches "a.b", not "axb". */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
