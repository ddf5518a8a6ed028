/**
 * The mesh's naming rules for what a template creates. The templates' forms carry the same
 * patterns (templates/data-product/*.yaml), so a bad name is refused in the form before a
 * run; the actions check again because an action can be called by any template.
 */

/** Product, port and contract names: lowercase words of letters and digits joined by `-`. */
export const NAME_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 63;

/** Column names: SQL identifiers in snake case, so views can expose them unquoted. */
export const COLUMN_NAME_PATTERN = '^[a-z_][a-z0-9_]*$';

/** A semantic version (`1.4.0`, `2.0.0-rc.1`), as ODPS and ODCS documents carry it. */
export const VERSION_PATTERN = '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$';

const NAME = new RegExp(NAME_PATTERN);
const COLUMN_NAME = new RegExp(COLUMN_NAME_PATTERN);

/** What is wrong with a product, port or contract name, or undefined when it is fine. */
export function nameProblem(name: string): string | undefined {
  if (name.length < NAME_MIN_LENGTH || name.length > NAME_MAX_LENGTH) {
    return `"${name}" must be ${NAME_MIN_LENGTH} to ${NAME_MAX_LENGTH} characters long`;
  }
  if (!NAME.test(name)) {
    return `"${name}" breaks the naming rules: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. lease-pipeline)`;
  }
  return undefined;
}

/** What is wrong with a column name, or undefined when it is fine. */
export function columnNameProblem(name: string): string | undefined {
  return COLUMN_NAME.test(name)
    ? undefined
    : `"${name}" breaks the naming rules for columns: lowercase letters, digits and underscores, starting with a letter or underscore (e.g. tenant_id)`;
}
