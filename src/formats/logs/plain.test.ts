import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { plain } from './plain.js';


describe('plain', () => {
  test('finds the first ISO-like stamp in the first 40 columns, after any prefix', () => {
    const cases: [string, number | undefined, string][] = [
      ['2024-03-02 11:04:05 started', Date.UTC(2024, 2, 2, 11, 4, 5), 'started'],
      ['[2024-03-02T11:04:05.250] | ready', Date.UTC(2024, 2, 2, 11, 4, 5, 250), 'ready'],
      ['node-7 12:00:01 x 2024/03/02 11:04:05 - late stamp', Date.UTC(2024, 2, 2, 11, 4, 5), 'late stamp'],
      ['20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579', undefined, '20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579'],
      ['x'.repeat(41) + ' 2024-03-02 11:04:05 too far', undefined, 'x'.repeat(41) + ' 2024-03-02 11:04:05 too far'],
      ['x'.repeat(40) + '2024-03-02 11:04:05 just in', Date.UTC(2024, 2, 2, 11, 4, 5), 'just in'],
      ['2024-03-02 11:04:05+08:00 with offset', Date.UTC(2024, 2, 2, 11, 4, 5), 'with offset'],
      ['a 2024-03/02 11:04:05 mixed separators are not a stamp', undefined, 'a 2024-03/02 11:04:05 mixed separators are not a stamp'],
      ['12:00:00', undefined, '12:00:00'],
    ];
    for (const [line, wallMs, message] of cases) {
      const p = plain.parse(line)!;
      assert.equal(p.wallMs, wallMs, line);
      assert.equal(p.message, message, line);
    }
    assert.equal(plain.parse('2024-03-02 11:04:05+08:00 with offset')!.offsetMin, 480);
    assert.equal(plain.parse('[2024-03-02T11:04:05.250] | ready')!.timeText, '2024-03-02T11:04:05.250');
  });

  test('a level word in the first 100 columns', () => {
    assert.equal(plain.parse('2024-03-02 11:04:05 [main] WARNING: low disk')!.severity, 'warn');
    assert.equal(plain.parse('job 7 PANIC in worker')!.severity, 'fatal');
    assert.equal(plain.parse('SEVERE: gone')!.severity, 'error');
    assert.equal(plain.parse('an INFORMATION line')!.severity, null);
    assert.equal(plain.parse('x'.repeat(100) + ' ERROR late')!.severity, null);
  });
});
