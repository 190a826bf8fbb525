import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, redactArgs, redactEnvEntry, redactText } from './redact.js';

const SECRETS = ['hunter2pass', 'tok3n-v4lue', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'abcDEF123.456ghi', 'dbpa55word'];

test('redactText hides planted secrets and keeps the keys', () => {
  const text = [
    'login password=hunter2pass user=alice',
    'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'curl -H "Authorization: Bearer abcDEF123.456ghi" http://127.0.0.1/',
    'connecting to postgres://app:dbpa55word@127.0.0.1:5432/orders',
    '{"token": "tok3n-v4lue", "n": 3}',
  ].join('\n');
  const out = redactText(text);
  for (const s of SECRETS) assert.ok(!out.includes(s), `${s} leaked in:\n${out}`);
  assert.match(out, /password=<redacted> user=alice/);
  assert.match(out, /postgres:\/\/app:<redacted>@127\.0\.0\.1:5432\/orders/);
  assert.match(out, /Bearer <redacted>/);
  assert.match(out, /AWS_ACCESS_KEY_ID=AKIA<redacted>/);
});

test('redactText hides flag values in printed command lines (ps aux)', () => {
  const line = 'app  812  0.0  0.1 1234 567 ?  Ss 10:00 0:00 /usr/bin/app --token tok3n-v4lue --port 8080';
  assert.equal(redactText(line), 'app  812  0.0  0.1 1234 567 ?  Ss 10:00 0:00 /usr/bin/app --token <redacted> --port 8080');
});

test('redactText leaves ordinary lines untouched', () => {
  const line = 'Out of memory: Killed process 4242 (java) total-vm:9000000kB, anon-rss:7000000kB';
  assert.equal(redactText(line), line);
  assert.equal(redactText('listening on 127.0.0.1:8080'), 'listening on 127.0.0.1:8080');
});

test('redactText hides PEM private keys', () => {
  const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----';
  const out = redactText(`key:\n${pem}\nafter`);
  assert.ok(!out.includes('MIIEowIBAAKCAQEA7'));
  assert.match(out, /after$/);
});

test('redactArgs hides the value after secret flags', () => {
  const out = redactArgs(['/usr/bin/app', '--token', 'tok3n-v4lue', '--port', '8080', '--db-password=hunter2pass', 'mysql']);
  assert.deepEqual(out, ['/usr/bin/app', '--token', REDACTED, '--port', '8080', `--db-password=${REDACTED}`, 'mysql']);
  assert.deepEqual(redactArgs(['mysql', '-uroot', '-phunter2pass']), ['mysql', '-uroot', `-p${REDACTED}`]);
  assert.deepEqual(redactArgs(['java', '-Dapi.key=tok3n-v4lue', '-Xmx1g']), ['java', `-Dapi.key=${REDACTED}`, '-Xmx1g']);
});

test('redactEnvEntry hides secret-named variables', () => {
  assert.equal(redactEnvEntry('GITHUB_TOKEN=ghp_abc'), `GITHUB_TOKEN=${REDACTED}`);
  assert.equal(redactEnvEntry('PATH=/usr/bin'), 'PATH=/usr/bin');
  assert.equal(redactEnvEntry('DATABASE_URL=postgres://u:dbpa55word@h/db'), `DATABASE_URL=postgres://u:${REDACTED}@h/db`);
});
