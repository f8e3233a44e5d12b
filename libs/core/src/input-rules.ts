/**
 * The longest string any argument, variable or CSV cell may carry unless its field declares a
 * tighter bound (session abstracts and speaker bios are the longest at 10,000). Bounds what an
 * anonymous request can make the API hash, store in Redis or send to PostgreSQL.
 */
export const MAX_STRING_LENGTH = 10_000;

/**
 * C0 control characters other than tab, line feed and carriage return. PostgreSQL refuses U+0000
 * in text outright (a 500 before this rule); the others are never meant and only hide things.
 */
// eslint-disable-next-line no-control-regex -- the characters the rule refuses
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** What is wrong with a string from a client ("is longer than …", "contains a control character …"), or undefined. */
export function stringProblem(value: string, max = MAX_STRING_LENGTH, allowControl = false): string | undefined {
  if (value.length > max) return `is longer than ${max} characters`;
  if (allowControl) return undefined;
  const control = CONTROL_CHARACTER.exec(value);
  return control
    ? `contains a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`
    : undefined;
}

/** A client's value as it may appear in a message: at most `max` characters, so an error never echoes a megabyte. */
export function clip(value: unknown, max = 64): string {
  const text = String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * GraphQL input types whose rows are checked one by one by their service (imports): a control
 * character there refuses that row with a reason instead of the whole request, so a bad row never
 * costs a good one. The length bound still applies to every cell.
 */
export const PER_ROW_INPUTS = new Set<string>();

/** Marks an @InputType as checked per row (its GraphQL name is the class name). */
export const CheckedPerRow = (): ClassDecorator => (target) => void PER_ROW_INPUTS.add(target.name);
