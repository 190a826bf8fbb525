import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OVERFLOW_HANDLE, TemplateMiner } from './miner.js';
import { OVERFLOW_ID } from './split.js';

function mine(lines: readonly string[], miner = new TemplateMiner()) {
  const handles = lines.map((l) => miner.add(l));
  const snap = miner.snapshot();
  return { miner, snap, ids: handles.map((h) => snap.idOf(h)), templates: handles.map((h) => snap.templateOf(h)) };
}

const USERS = ['root', 'admin', 'oracle', 'guest', 'test', 'postgres', 'ubnt', 'pi', 'git', 'www', 'ftp', 'nagios'];

describe('TemplateMiner', () => {
  test('the same input gives the same ids and templates in every run', () => {
    const lines = USERS.flatMap((u, i) => [`Invalid user ${u} from 10.0.${i}.1`, `Connection closed by 10.0.${i}.1 port ${4000 + i}`]);
    const a = mine(lines);
    const b = mine(lines);
    assert.deepEqual(a.ids, b.ids);
    assert.deepEqual(a.snap.templates, b.snap.templates);
    assert.match(a.ids[0]!, /^[0-9a-f]{8}$/);
  });

  test('a word that takes many values becomes a variable', () => {
    const { templates, snap } = mine(USERS.map((u, i) => `Invalid user ${u} from 10.0.${i}.1`));
    assert.equal(snap.templates.length, 1);
    assert.equal(templates[0], 'Invalid user <*> from <*>');
  });

  test('a few wordings used again and again stay apart', () => {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(`Receiving block blk_${i} src: /10.0.0.${i}:50010`, `Received block blk_${i} src: /10.0.0.${i}:50010`);
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => t.template).sort(), ['Received block blk_<*> src: /<*>', 'Receiving block blk_<*> src: /<*>']);
    assert.deepEqual(snap.templates.map((t) => t.count), [30, 30]);
  });

  test('a header word shared by many templates (a weekday) does not split them', () => {
    const lines: string[] = [];
    for (const day of ['Sun', 'Mon']) {
      for (let i = 0; i < 5; i++) {
        lines.push(`[${day} Dec 04 04:47:${10 + i} 2005] [notice] worker ${i} ready`);
        lines.push(`[${day} Dec 04 04:47:${10 + i} 2005] [error] child ${i} in error state 6`);
        lines.push(`[${day} Dec 04 04:47:${10 + i} 2005] [notice] slot ${i} found`);
      }
    }
    assert.equal(mine(lines).snap.templates.length, 3);
  });

  test('a header column (a host) seen as a constant in other templates does not split a template', () => {
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) {
      lines.push(`alpha kernel: link ${i} up`, `beta kernel: link ${i} up`);
      lines.push(`alpha cron: job ${i} started now`, `alpha sshd: session ${i} opened here ok`, `alpha ntpd: clock ${i} stepped by some amount`);
    }
    const { snap } = mine(lines);
    assert.equal(snap.templates.length, 4);
    assert.equal(snap.templates.find((t) => t.template.endsWith('link <*> up'))?.count, 12);
  });

  test('counts add up to the lines mined, most frequent first', () => {
    const lines = [...Array(7).fill('disk full'), ...Array(3).fill('disk ok'), 'started'];
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => [t.template, t.count]), [['disk full', 7], ['disk ok', 3], ['started', 1]]);
  });

  test('templates are capped; lines past the cap that match none go to the overflow bucket', () => {
    const miner = new TemplateMiner({ maxTemplates: 5 });
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    // each line has its own length, so none can merge with another
    const lines = words.map((w, i) => `${w} ${'x '.repeat(i)}end`);
    const handles = lines.map((l) => miner.add(l));
    assert.equal(miner.clusterCount, 5);
    assert.deepEqual(handles.slice(5), [OVERFLOW_HANDLE, OVERFLOW_HANDLE, OVERFLOW_HANDLE]);
    // existing templates still match after the cap
    assert.notEqual(miner.add('alpha end'), OVERFLOW_HANDLE);
    const snap = miner.snapshot();
    assert.equal(snap.templates.find((t) => t.id === OVERFLOW_ID)?.count, 3);
    assert.equal(snap.templates.reduce((n, t) => n + t.count, 0), 9);
  });

  test('a field left empty (rhost=) is another event than the field filled, even where words merged', () => {
    const hosts = ['10.0.0.7', 'example.com', 'mail.example.org', '192.168.4.2'];
    const lines = hosts.flatMap((h) => Array(5).fill(`authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${h}`));
    lines.push('authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost=');
    const { snap, templates } = mine(lines);
    assert.equal(templates[0], 'authentication failure; logname= uid=<*> euid=<*> tty=ssh ruser= rhost=<*>');
    assert.deepEqual(snap.templates.map((t) => t.count), [20, 1]);
  });

  test('one-off first words name what a line is about; one-off later words are values', () => {
    const daemons = ['syslogd', 'klogd', 'portmap', 'xinetd', 'sshd'];
    const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const lines = [...daemons.map((d) => `${d} startup succeeded`), ...users.map((u) => `password changed for ${u}`)];
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.filter((t) => t.template.endsWith('startup succeeded')).length, 5);
    assert.deepEqual(snap.templates.filter((t) => t.template.startsWith('password changed')).map((t) => [t.template, t.count]), [['password changed for <*>', 5]]);
  });

  test('key=value tokens with different keys are different fields, not one value', () => {
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) lines.push(`getDataEnabled: subId=${i} phoneId=${i}`, `getDataEnabled: subId=${i} retVal=true`);
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => t.template).sort(), ['getDataEnabled: subId=<*> phoneId=<*>', 'getDataEnabled: subId=<*> retVal=true']);
  });

  test('a mark of symbols among numbers (a sensor that failed to read) is another event than the readings', () => {
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) lines.push(`Fan speeds ( ${3500 + i} 3534 3375 4245 3515 3479 )`, `Fan speeds ( ${3500 + i} 3534 3375 **** 3515 3479 )`);
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => [t.template, t.count]).sort(), [
      ['Fan speeds ( <*> <*> <*> **** <*> <*> )', 6],
      ['Fan speeds ( <*> <*> <*> <*> <*> <*> )', 6],
    ]);
  });

  test('a list of values of any length is one template', () => {
    const lines: string[] = [];
    for (const n of [3, 9, 33, 3, 20]) lines.push(`Warning: we failed to resolve data source name ${Array.from({ length: n }, (_, i) => `an${10 + i}`).join(' ')}`);
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => t.count), [5]);
  });

  test('dotted constant names (an enum\'s values) tell events apart; dotted logger names do not', () => {
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) {
      for (const a of ['SCREEN_ON', 'SCREEN_OFF']) lines.push(`onReceive action: android.intent.action.${a}`);
      for (const m of ['nova.compute.manager', 'nova.virt.driver', 'nova.api.wsgi']) lines.push(`event from ${m}`);
    }
    const { snap } = mine(lines);
    assert.deepEqual(snap.templates.map((t) => [t.template, t.count]).sort(), [
      ['event from <*>', 18],
      ['onReceive action: android.intent.action.SCREEN_OFF', 6],
      ['onReceive action: android.intent.action.SCREEN_ON', 6],
    ]);
  });

  test('memory does not grow with repeated lines', () => {
    const miner = new TemplateMiner();
    for (let i = 0; i < 50_000; i++) miner.add(`request ${i} served in ${i % 97} ms`);
    assert.equal(miner.clusterCount, 1);
    assert.equal(miner.snapshot().templates[0]!.count, 50_000);
  });
});
