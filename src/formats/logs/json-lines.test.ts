import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import type { LineFormat, ParseContext } from '../define.js';
import { FORMATS } from '../registry.js';
import { sniffFormat } from '../sniff.js';
import { jsonLines } from './json-lines.js';

const ctx: ParseContext = { yearFor: () => 2024 };
// the registry's type, so the test calls parse as the pipeline does
const parse = (line: string) => (jsonLines as LineFormat).parse(line, ctx);

describe('json-lines', () => {
  test('refuses what is not one JSON object with a time or message key', () => {
    for (const line of ['[1,2]', '{"a":1', '{bad json}', '"str"', '{"status":"success","data":{"resultType":"matrix","result":[]}}', '  {"msg":"x"}']) {
      assert.equal(parse(line), undefined, line);
    }
  });
  test('leaves journalctl -o json to its own format', () => {
    assert.equal(parse('{"__REALTIME_TIMESTAMP":"1709348645123456","MESSAGE":"x","message":"y"}'), undefined);
  });
  test('epoch seconds, milliseconds and nanoseconds, as numbers or strings', () => {
    for (const t of ['1709348645.123', '1709348645123', '"1709348645123456789"', '"2024-03-02T03:04:05.123Z"']) {
      assert.equal(parse(`{"time":${t},"msg":"x"}`)?.wallMs, 1709348645123, t);
    }
  });
  test('fractional epoch milliseconds (klog JSON) give whole milliseconds', () => {
    assert.equal(parse('{"ts":1709348645123.456,"caller":"app/server.go:88","msg":"x","v":0}')?.wallMs, 1709348645123);
  });
  test('level numbers: bunyan/pino, OpenTelemetry SeverityNumber, GELF syslog levels', () => {
    assert.equal(parse('{"level":60,"msg":"x"}')?.severity, 'fatal');
    assert.equal(parse('{"level":20,"msg":"x"}')?.severity, 'debug');
    assert.equal(parse('{"SeverityNumber":21,"Body":"x"}')?.severity, 'fatal');
    assert.equal(parse('{"SeverityNumber":1,"Body":"x"}')?.severity, 'trace');
    assert.equal(parse('{"version":"1.1","host":"h","short_message":"x","level":3}')?.severity, 'error');
    assert.equal(parse('{"level":99,"msg":"x"}')?.severity, null);
  });
  test('Serilog compact JSON: a missing @l means Information', () => {
    const p = parse('{"@t":"2024-03-02T03:04:05.1Z","@mt":"Processed {Count} items","Count":3}');
    assert.equal(p?.severity, 'info');
    assert.equal(p?.message, 'Processed {Count} items');
    assert.deepEqual(p?.fields, { Count: 3 });
  });
  test('ECS nested objects: host.name and service.name, other members flattened one level', () => {
    const p = parse('{"@timestamp":"2024-03-02T03:04:05Z","message":"m","host":{"name":"n1"},"service":{"name":"api"},"http":{"response":{"status_code":503}}}');
    assert.equal(p?.host, 'n1');
    assert.equal(p?.process, 'api');
    assert.deepEqual(p?.fields, { 'http.response': '{"status_code":503}' });
  });
  test('fields are bounded in number and size', () => {
    const obj: Record<string, unknown> = { msg: 'x', big: 'z'.repeat(5000) };
    for (let i = 0; i < 100; i++) obj[`k${i}`] = i;
    const p = parse(JSON.stringify(obj))!;
    assert.equal(Object.keys(p.fields!).length, 32);
    assert.equal((p.fields!['big'] as string).length, 512);
  });
  test('a record without a message key keeps the object as its message', () => {
    const p = parse('{"ts":"2024-03-02T03:04:05Z","level":"warn","queue":"q1","lag":900}');
    assert.equal(p?.severity, 'warn');
    assert.equal(p?.message, '{"ts":"2024-03-02T03:04:05Z","level":"warn","queue":"q1","lag":900}');
  });
  test('a line with a "{...}" message but another layout is not json-lines', () => {
    const line = '2024-03-02T11:04:05.123+0800\tINFO\tmain.go:12\tstarted\t{"a": 1}';
    assert.equal(sniffFormat(line + '\n', 'x.log', ctx, FORMATS).format.name, 'go-zap-console');
  });

  const recorded: Array<[string, string[]]> = [
    ['test/fixtures/logs/go/zap-json.log', ['info', 'warn', 'error', 'info']],
    ['test/fixtures/logs/go/gokit-json.log', ['info', 'warn', 'error', 'debug']],
  ];
  for (const [path, severities] of recorded) {
    test(`recorded ${path.split('/').pop()}`, async () => {
      assert.equal(sniffedFormatOf(path), 'json-lines');
      const { events } = await readEvents(path);
      assert.deepEqual(events.map((e) => e.severity), severities);
      assert.ok(events.every((e) => e.format === 'json-lines' && e.timeMs !== null && e.message.length > 0));
    });
  }
  test('recorded zap JSON keeps logger and the stack trace as a field', async () => {
    const { events } = await readEvents('test/fixtures/logs/go/zap-json.log');
    assert.equal(events[2]!.logger, 'coordinator');
    assert.match(events[2]!.fields!['stacktrace'] as string, /^main\.main\n\t/);
  });
  test('docker json-file (written by hand): the inner line, its level word, no trailing newline', async () => {
    const path = 'test/fixtures/logs/docker/container-json.log';
    assert.equal(sniffedFormatOf(path), 'json-lines');
    const { events } = await readEvents(path);
    assert.equal(events.length, 7);
    assert.equal(events[1]!.message, '2024/03/02 03:04:06 [WARN] slow response from 127.0.0.1:5432 (1.2s)');
    assert.equal(events[1]!.severity, 'warn');
    assert.equal(events[1]!.fields!['stream'], 'stderr');
    assert.equal(events[3]!.timeMs, Date.UTC(2024, 2, 2, 3, 4, 9, 731));
  });
  test('OpenTelemetry records (written by hand): resource attributes, zero Timestamp, AnyValue body', async () => {
    const path = 'test/fixtures/logs/opentelemetry/log-records.jsonl';
    assert.equal(sniffedFormatOf(path), 'json-lines');
    const { events } = await readEvents(path);
    assert.deepEqual(events.map((e) => [e.host, e.process, e.pid, e.severity]), [
      ['node-2', 'checkout', 4121, 'info'], ['node-2', 'checkout', 4121, 'warn'], ['node-2', 'checkout', 4121, 'error'],
    ]);
    assert.equal(events[1]!.timeMs, 1709348646000);
    assert.equal(events[2]!.message, 'payment failed: upstream connect error');
    assert.equal(events[0]!.fields!['order.id'], 'A-1001');
  });
  test('pino (written by hand)', async () => {
    const path = 'test/fixtures/logs/node/pino.log';
    assert.equal(sniffedFormatOf(path), 'json-lines');
    const { events } = await readEvents(path);
    assert.deepEqual(events.map((e) => e.severity), ['info', 'warn', 'error', 'fatal']);
    assert.equal(events[1]!.fields!['pool.used'], 19);
    assert.equal(events[0]!.host, 'api-7');
  });
});
