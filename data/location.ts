// Locations in a tool definition (`inputSchema.properties.<name>.description`): a parameter's name
// may itself hold dots (`user.name`) or backslashes, so names are escaped when a location is built
// and read back part by part, never by splitting on every dot.

/** A parameter name as one part of a location: `\` and `.` escaped with a backslash. */
export function locationKey(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
}

/** The parts of a location, names unescaped: `inputSchema.properties.user\.name` → inputSchema, properties, user.name. */
export function locationParts(where: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < where.length; i++) {
    const char = where[i]!;
    if (char === '\\' && i + 1 < where.length) part += where[++i];
    else if (char === '.') {
      parts.push(part);
      part = '';
    } else part += char;
  }
  parts.push(part);
  return parts;
}
