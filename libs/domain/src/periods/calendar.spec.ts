import { endOfUkDay, startOfUkDay, ukDateOf } from './calendar';

describe('days in UK time', () => {
  it.each([
    ['2024-03-19', '2024-03-19T00:00:00.000Z', '2024-03-19T23:59:59.999Z'],
    ['2024-07-01', '2024-06-30T23:00:00.000Z', '2024-07-01T22:59:59.999Z'],
    // The clocks go forward at 01:00 GMT on 31 March 2024 and back at 01:00 GMT on 27 October 2024.
    ['2024-03-31', '2024-03-31T00:00:00.000Z', '2024-03-31T22:59:59.999Z'],
    ['2024-10-27', '2024-10-26T23:00:00.000Z', '2024-10-27T23:59:59.999Z'],
    ['2023-12-31', '2023-12-31T00:00:00.000Z', '2023-12-31T23:59:59.999Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
  ])('%s runs from %s to %s', (date, start, end) => {
    expect(startOfUkDay(date).toISOString()).toBe(start);
    expect(endOfUkDay(date).toISOString()).toBe(end);
  });

  it('name the UK date of an instant, a day ahead of UTC late in a summer evening', () => {
    expect(ukDateOf(new Date('2024-07-01T23:30:00.000Z'))).toBe('2024-07-02');
    expect(ukDateOf(new Date('2024-12-31T23:30:00.000Z'))).toBe('2024-12-31');
  });
});
