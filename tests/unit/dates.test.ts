import { describe, expect, it } from 'vitest';
import { dateBound, parseDateLine, sortableTime } from '../../src/engine/ingest/dates.ts';

describe('date lines', () => {
  it.each([
    ['21 Mar 2022 12:47', '2022-03-21T12:47'],
    ['4 Jan 2019', '2019-01-04'],
    ['24 Feb 2022 06:00', '2022-02-24T06:00'],
    ['21 March 2022', '2022-03-21'],
    ['March 21, 2022 12:47', '2022-03-21T12:47'],
    ['Sept 3, 2021', '2021-09-03'],
    ['2022-03-21 12:47', '2022-03-21T12:47'],
    ['2021-01-26T14:26:27-05:00', '2021-01-26T14:26:27-05:00'],
    ['2021-01-26T14:26:27+0300', '2021-01-26T14:26:27+03:00'],
    ['21.03.2022 12:47', '2022-03-21T12:47'],
    ['21 марта 2022 г. 12:47', '2022-03-21T12:47'],
    ['24 березня 2022', '2022-03-24'],
  ])('%s → %s', (line, expected) => {
    expect(parseDateLine(line)).toBe(expected);
  });

  it.each(['Peace talks resume', '31 Feb 2022', '21 Mar 2022 25:00', '', '2022', 'Monday', '12:47'])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('sorts by the wall-clock time the source printed', () => {
    expect(sortableTime('2022-03-21T12:47')).toBe(Date.UTC(2022, 2, 21, 12, 47) / 1000);
    expect(sortableTime('2021-01-26T14:26:27-05:00')).toBe(Date.UTC(2021, 0, 26, 14, 26, 27) / 1000);
    expect(sortableTime('2019-01-04')).toBe(Date.UTC(2019, 0, 4) / 1000);
    expect(sortableTime(null)).toBeNull();
  });

  it('turns user date bounds into inclusive ranges', () => {
    expect(dateBound('2022', 'from')).toBe(Date.UTC(2022, 0, 1) / 1000);
    expect(dateBound('2022', 'to')).toBe(Date.UTC(2023, 0, 1) / 1000 - 1);
    expect(dateBound('2022-02', 'to')).toBe(Date.UTC(2022, 2, 1) / 1000 - 1);
    expect(dateBound('2022-03-21', 'to')).toBe(Date.UTC(2022, 2, 22) / 1000 - 1);
    expect(dateBound('2022-13', 'from')).toBeNull();
    expect(dateBound('2022-02-30', 'from')).toBeNull();
    expect(dateBound('yesterday', 'from')).toBeNull();
  });
});
