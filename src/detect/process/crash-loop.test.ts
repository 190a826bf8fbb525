import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { processCrashLoop } from './crash-loop.js';
import { supervisordExit } from './supervisord-exit.js';
import { findingsIn as run, findingsOfFiles as runText } from '../../../test/support/detect.js';


const exit = (t: string, name: string, status: number) => `2026-11-22 ${t},000 WARN exited: ${name} (exit status ${status}; not expected)`;

describe('process-crash-loop', () => {
  test('a real supervisord log (scripts/record/supervisord.sh): one loop per crashing program, none for the expected exit', async () => {
    const fs = await run([repoPath('test/fixtures/logs/supervisord/supervisord.log')], [processCrashLoop]);
    const by = new Map(fs.map((f) => [f.process, f]));
    assert.deepEqual([...by.keys()].sort(), ['billing-worker', 'indexer', 'migrator', 'thumbnailer']);
    const billing = by.get('billing-worker')!;
    assert.equal(billing.facts.restarts, 9);
    assert.equal(billing.facts.exitStatus, 3);
    // restarted every ~1.5 s (1.5 s sleep + supervisord's back-off)
    assert.ok((billing.facts.intervalMs as number) > 1000 && (billing.facts.intervalMs as number) < 2500, String(billing.facts.intervalMs));
    assert.deepEqual([by.get('thumbnailer')!.facts.signal, by.get('thumbnailer')!.facts.exitStatus], ['SIGKILL', 137]);
    assert.deepEqual([by.get('indexer')!.facts.signal, by.get('indexer')!.facts.exitStatus], ['SIGSEGV', 139]);
    const migrator = by.get('migrator')!;
    assert.equal(migrator.facts.gaveUp, true);
    assert.equal(migrator.severity, 'critical');
  });

  test('deaths further apart than the window are separate, and two are not a loop', async () => {
    const lines = [exit('04:00:00', 'api', 1), exit('04:05:00', 'api', 1), exit('04:16:00', 'api', 1), exit('04:17:00', 'api', 1)];
    assert.deepEqual(await runText({ 'h/logs/supervisord.log': lines.join('\n') + '\n' }, [processCrashLoop]), []);
    const three = [...lines, exit('04:18:00', 'api', 1)];
    const fs = await runText({ 'h/logs/supervisord.log': three.join('\n') + '\n' }, [processCrashLoop]);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.facts.restarts, 3);
    assert.equal(fs[0]!.facts.intervalMs, 60_000);
  });

  test('systemd: the restart counter counts restarts the excerpt does not show', async () => {
    const fs = await runText({
      'h/logs/journal.txt': [
        'Nov 22 04:30:27 app-1 systemd[1]: billing.service: Main process exited, code=dumped, status=6/ABRT',
        'Nov 22 04:30:32 app-1 systemd[1]: billing.service: Scheduled restart job, restart counter is at 41.',
      ].join('\n') + '\n',
    }, [processCrashLoop]);
    assert.equal(fs.length, 1);
    assert.deepEqual([fs[0]!.process, fs[0]!.facts.restarts, fs[0]!.facts.signal, fs[0]!.facts.exitStatus], ['billing', 41, 'SIGABRT', 134]);
  });

  test('supervisord-exit: one finding per program with the count, decoded signals', async () => {
    const fs = await run([repoPath('test/fixtures/logs/supervisord/supervisord.log')], [supervisordExit]);
    const by = new Map(fs.map((f) => [f.process, f]));
    assert.equal(by.get('billing-worker')!.facts.count, 9);
    assert.equal(by.get('thumbnailer')!.severity, 'critical');
    assert.equal(by.has('report-once'), false);
  });
});
