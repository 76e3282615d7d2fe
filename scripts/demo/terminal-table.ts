export interface Column {
  header: string;
  /** The widest the column may be; longer cells wrap at spaces. */
  maxWidth?: number;
  align?: 'left' | 'right';
}

/**
 * A table for a terminal, with box-drawing rules and cells wrapped to their column. `paint` colours
 * a cell after it is padded, so escape codes never upset the widths.
 */
export function renderTable(
  columns: Column[],
  rows: string[][],
  paint: (text: string, row: number, column: number) => string = (text) => text,
): string {
  const widths = columns.map((column, index) => {
    const widest = Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length));
    return Math.min(column.maxWidth ?? Infinity, widest);
  });
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const line = (cells: string[][], lineIndex: number, rowIndex: number | null) =>
    `│${cells
      .map((cellLines, column) => {
        const text = cellLines[lineIndex] ?? '';
        const padded = columns[column].align === 'right' ? text.padStart(widths[column]) : text.padEnd(widths[column]);
        return ` ${rowIndex === null ? padded : paint(padded, rowIndex, column)} `;
      })
      .join('│')}│`;
  const block = (cells: string[], rowIndex: number | null) => {
    const wrapped = cells.map((cell, column) => wrap(cell, widths[column]));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    return Array.from({ length: height }, (_, lineIndex) => line(wrapped, lineIndex, rowIndex));
  };
  return [
    rule('┌', '┬', '┐'),
    ...block(
      columns.map((column) => column.header),
      null,
    ),
    rule('├', '┼', '┤'),
    ...rows.flatMap((row, index) => block(row, index)),
    rule('└', '┴', '┘'),
  ].join('\n');
}

/** Splits text into lines no wider than `width`, at spaces where it can. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (current) lines.push(current);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      current = '';
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= width) current = `${current} ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
