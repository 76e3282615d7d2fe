import { identifierFault, normaliseIdentifier, readableTextFault, sameCode } from './written-text';

describe('references and codes', () => {
  it.each(['1', '1a', '6.3', 'CP7', 'CO02', 'NI 191', 'CS-01', '3(b)', 'A/12'])('accepts %p', (written) => {
    expect(identifierFault(normaliseIdentifier(written))).toBeNull();
  });

  it('reads a reference with spaces around it as the reference', () => {
    expect(normaliseIdentifier('  1 ')).toBe('1');
  });

  it.each([
    ['\uFF11', 'U+FF11'], // fullwidth one
    ['\u0661', 'U+0661'], // Arabic-Indic one
    ['1\u200B', 'U+200B'], // zero-width space
    ['1\u0000', 'U+0000'],
    ['1\u202E', 'U+202E'], // right-to-left override
    ['1\u001B[31m', 'U+001B'],
  ])('refuses the look-alike %p, naming %s', (written, character) => {
    expect(identifierFault(normaliseIdentifier(written))).toBe(
      `must use only the letters A-Z, the digits 0-9, spaces and . - _ / ( ), not ${character}`,
    );
  });

  it('refuses a reference that starts with punctuation, and one too long', () => {
    expect(identifierFault('-1')).toBe('must start with a letter or a digit');
    expect(identifierFault('1'.repeat(51))).toBe('must be at most 50 characters');
  });

  it('compares codes without regard to case', () => {
    expect(sameCode('I1', 'i1')).toBe(true);
    expect(sameCode('CP7', 'CP71')).toBe(false);
  });
});

describe('free text', () => {
  it.each(['Service Plan 2023/24: Corporate Services', 'Cyngor — £25 “per household”', 'Two lines\nand a\ttab', '✓'])(
    'accepts %p',
    (text) => {
      expect(readableTextFault(text)).toBeNull();
    },
  );

  it.each([
    ['\u0000', 'must not contain control characters such as NUL or escape, not U+0000'],
    ['Title\u001B[2J', 'must not contain control characters such as NUL or escape, not U+001B'],
    ['abc\u202Eexe.txt', 'must not contain characters that change the direction of text, not U+202E'],
    ['\u200B\u200C\u2060', 'must contain letters, digits or punctuation, not only invisible characters'],
    ['\u00AD', 'must contain letters, digits or punctuation, not only invisible characters'],
  ])('refuses %p', (text, fault) => {
    expect(readableTextFault(text)).toBe(fault);
  });
});
