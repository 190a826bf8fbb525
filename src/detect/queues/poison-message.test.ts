import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { poisonMessage, recordOf } from './poison-message.js';
import { findingsIn, findingsOfFiles } from '../../../test/support/detect.js';

const run = (paths: string[]) => findingsIn(paths, [poisonMessage]);
const runFiles = (files: Record<string, string>) => findingsOfFiles(files, [poisonMessage]);

describe('queue-poison-message', () => {
  test('recorded lab bundle: the consumer OOM-killed on one stream entry again and again', async () => {
    const fs = await run([repoPath('test/fixtures/bundles/redis-oversized-message-oom')]);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.host, 'etl-w4');
    assert.equal(f.facts['offset'], 41215);
    assert.equal(f.facts['messageId'], '1795334790563-0');
    // 13 starts on the entry, each OOM-killed (the last one while the recording was stopping)
    assert.equal(f.facts['crashes'], 13);
    assert.equal(f.facts['cause'], 'oom-kill');
    assert.equal(new Date(f.timeMs!).toISOString(), '2026-11-22T08:06:30.616Z');
    assert.ok(f.evidence.some((e) => e.path.endsWith('dmesg-T.txt')));
  });

  test('the consumer\'s log alone: restarts with the entry in hand are enough', async () => {
    const fs = await run([repoPath('test/fixtures/bundles/redis-oversized-message-oom/etl-w4/logs/invoice-parser.log')]);
    assert.equal(fs.length, 1);
    // the 13th death is seen only by the kernel and the restart loop: no start follows it in this log
    assert.equal(fs[0]!.facts['crashes'], 12);
    assert.equal(fs[0]!.facts['cause'], 'restarted');
  });

  test('a Go worker without pids, deaths from systemd matched by time', async () => {
    const app = [
      '2026/05/10 15:40:00 starting worker, queue=thumbnails',
      '2026/05/10 15:40:01 handling message msg-7731 from queue thumbnails',
      '2026/05/10 15:40:01 message msg-7731 processed in 212ms',
      '2026/05/10 15:40:02 handling message msg-7732 from queue thumbnails',
      '2026/05/10 15:40:07 starting worker, queue=thumbnails',
      '2026/05/10 15:40:08 handling message msg-7732 from queue thumbnails',
      '2026/05/10 15:40:14 starting worker, queue=thumbnails',
      '2026/05/10 15:40:15 handling message msg-7732 from queue thumbnails',
      '2026/05/10 15:40:15 message msg-7732 processed in 300ms',
    ].join('\n') + '\n';
    const journal = [
      'May 10 15:40:03 media-2 systemd[1]: thumbnailer.service: Main process exited, code=killed, status=11/SEGV',
      'May 10 15:40:09 media-2 systemd[1]: thumbnailer.service: Main process exited, code=killed, status=11/SEGV',
    ].join('\n') + '\n';
    const fs = await runFiles({ 'media-2/logs/thumbnailer.log': app, 'media-2/logs/journal.txt': journal });
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.facts['messageId'], 'msg-7732');
    assert.equal(fs[0]!.facts['crashes'], 2);
    assert.equal(fs[0]!.facts['crashesWithDeathReport'], 2);
    assert.equal(fs[0]!.process, 'thumbnailer');
  });

  test('workers interleaving in one log are not restarts; a new pid after a worker died on a job is', async () => {
    const line = (t: string, pid: number, msg: string) => `2026-05-10 15:40:${t},000 INFO ${pid} [jobs.worker] ${msg}`;
    const interleaved = [
      line('00', 4101, 'worker ready'), line('00', 4102, 'worker ready'),
      line('01', 4101, 'processing job id=77 step=fetch'), line('01', 4102, 'processing job id=78 step=fetch'),
      line('02', 4101, 'processing job id=77 step=render'), line('02', 4102, 'done job id=78'),
      line('03', 4101, 'processing job id=77 step=upload'), line('03', 4102, 'processing job id=79 step=fetch'),
      line('04', 4101, 'done job id=77'), line('04', 4102, 'done job id=79'),
    ];
    assert.deepEqual(await runFiles({ 'jobs-1/logs/worker.log': interleaved.join('\n') + '\n' }), []);
    const restarts = [
      ...interleaved.slice(0, 3),
      // 4101 never speaks again; a new worker takes job 77 and dies on it too
      line('10', 4150, 'worker ready'), line('11', 4150, 'processing job id=77 step=fetch'),
      line('20', 4171, 'worker ready'), line('21', 4102, 'done job id=78'),
    ];
    const fs = await runFiles({ 'jobs-1/logs/worker.log': restarts.join('\n') + '\n' });
    assert.equal(fs.length, 1);
    assert.deepEqual([fs[0]!.facts['messageId'], fs[0]!.facts['crashes'], fs[0]!.facts['firstPid'], fs[0]!.facts['lastPid']], ['77', 2, 4101, 4150]);
  });

  test('record references in common wordings', () => {
    assert.deepEqual(recordOf('Consuming ConsumerRecord(topic = orders, partition = 3, leaderEpoch = 1, offset = 99, CreateTime = 1)'),
      { key: 'orders/3@99', offset: 99, partition: 3, topic: 'orders', messageId: null });
    assert.equal(recordOf('Error processing orders-3@99')!.key, 'orders/3@99');
    assert.equal(recordOf('handling job 4411')!.messageId, '4411');
    assert.equal(recordOf('processing batch of everything'), null);
  });
});
