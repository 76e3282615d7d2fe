import { lineChanges } from './line-changes';

describe('lineChanges', () => {
  const overview = ['Corporate Services covers:', '', '- Audit and performance', '- Finance', '- Climate change'].join('\n');

  it('counts a line edited in place once, as changed', () => {
    expect(lineChanges(overview, overview.replace('- Finance', '- Finance and procurement'))).toBe('1 line changed');
  });

  it('counts lines added and removed, wherever they are', () => {
    expect(lineChanges(overview, `${overview}\n- Elections`)).toBe('1 line added');
    expect(lineChanges(overview, overview.replace('- Audit and performance\n', ''))).toBe('1 line removed');
    expect(lineChanges(overview, `Introduction\n${overview}\n- Elections`)).toBe('2 lines added');
  });

  it('pairs edits with additions and says what is left of each', () => {
    const revised = ['Corporate Services covers a broad range:', '', '- Audit', '- Finance', '- Climate change', '- Elections', '- Payroll'].join('\n');
    expect(lineChanges(overview, revised)).toBe('2 lines changed, 2 lines added');
    expect(lineChanges(revised, overview)).toBe('2 lines changed, 2 lines removed');
  });

  it('counts a moved line as one line changed, and a trailing space as a change', () => {
    const moved = ['Corporate Services covers:', '', '- Finance', '- Audit and performance', '- Climate change'].join('\n');
    expect(lineChanges(overview, moved)).toBe('1 line changed');
    expect(lineChanges('Line one\nLine two', 'Line one \nLine two')).toBe('1 line changed');
  });
});
