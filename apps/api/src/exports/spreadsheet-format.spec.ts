import { negotiatedFormat } from './spreadsheet-format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the format a read answers in', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'json'],
    ['text/csv', 'csv'],
    ['text/*', 'csv'],
    [XLSX, 'xlsx'],
    ['text/csv;q=0.5, application/json', 'json'],
    [`application/json;q=0.1, ${XLSX}`, 'xlsx'],
    ['application/pdf', null],
    ['text/csv;q=0', null],
  ])('Accept %p answers %p', (accept, format) => {
    expect(negotiatedFormat(accept)).toBe(format);
  });
});
