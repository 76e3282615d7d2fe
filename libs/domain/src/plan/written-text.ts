/**
 * What officers may write: references and codes that no two can look alike, and free text that
 * shows what it says. Each check answers why a text is refused, as a phrase to follow the field's
 * name ("must not ..."), or null when it is accepted; the edge applies them to bodies and paths.
 */

export const MAX_IDENTIFIER_LENGTH = 50;

/**
 * A council's references and codes ("3", "1a", "6.3", "CP7", "CO02") are plain ASCII. Look-alikes
 * such as a fullwidth "１", an Arabic-Indic "١" or a "1" followed by an invisible character are
 * refused rather than folded, so that what is stored is what the officer can see and type again.
 */
const IDENTIFIER = /^[A-Za-z0-9](?:[A-Za-z0-9 ._/()-]*[A-Za-z0-9._/()-])?$/;

/** C0 and C1 controls (NUL, escape, ...) other than tab and line breaks, which multi-line text uses. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Embeddings, overrides and isolates: they make text display in another order than it is stored. */
const DIRECTION_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;

/** A letter, digit, punctuation mark or symbol: what makes text visible. */
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** A reference or code as it is kept and compared: without surrounding spaces, in the body and in a path alike. */
export function normaliseIdentifier(written: string): string {
  return written.trim();
}

/** Why a normalised reference or code is refused, or null. */
export function identifierFault(identifier: string): string | null {
  if (identifier.length > MAX_IDENTIFIER_LENGTH) return `must be at most ${MAX_IDENTIFIER_LENGTH} characters`;
  if (IDENTIFIER.test(identifier)) return null;
  const odd = [...identifier].find((character) => !/[A-Za-z0-9 ._/()-]/.test(character));
  return odd === undefined
    ? 'must start with a letter or a digit'
    : `must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not ${codePoint(odd)}`;
}

/** Indicator codes name the same indicator however they are capitalised: "i1" is "I1". */
export function sameCode(a: string, b: string): boolean {
  return codeKey(a) === codeKey(b);
}

/** A code as it is compared, so that a store can find it by equality: "cp7" and "Cp7" are "CP7". */
export function codeKey(code: string): string {
  return code.toUpperCase();
}

/** Why a title, description or other free text is refused, or null. */
export function readableTextFault(text: string): string | null {
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return `must not contain control characters such as NUL or escape, not ${codePoint(control[0])}`;
  const override = DIRECTION_OVERRIDE.exec(text);
  if (override) return `must not contain characters that change the direction of text, not ${codePoint(override[0])}`;
  if (!VISIBLE_CHARACTER.test(text)) return 'must contain letters, digits or punctuation, not only invisible characters';
  return null;
}

/** "U+200B", so that an invisible character can be named in a message. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
