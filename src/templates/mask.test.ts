import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maskToken } from './mask.js';
import { tokenize } from './tokenize.js';

describe('maskToken', () => {
  const cases: [string, string][] = [
    ['R62-M1-NF-C:J04-U01', '<*>'],
    ['[R62-M1-N3-C:J04-U01]', '[<*>]'],
    ['sda1-part', '<*>-part'],
    ['SOCKS5', 'SOCKS5'],
    ['IPV6', 'IPV6'],
    ['ID7', '<*>'],
    ['R02', '<*>'],
    ['ABC123x', '<*>'],
    ['ABCD1-R2', '<*>'],
    ['(SOCKS5)', '(<*>)'],
    ['42', '<*>'],
    ['-17', '<*>'],
    ['3.14', '<*>'],
    ['0x7fed806eb5d', '<*>'],
    ['de9231d', '<*>'],
    ['10.251.73.220:50010', '<*>'],
    ['[10.0.0.1]', '[<*>]'],
    ['/10.10.34.11:3888', '/<*>'],
    ['fe80::1%eth0', '<*>%<*>'],
    ['38101a0b-2096-447d-96ea-a692162415ae', '<*>'],
    ['req-38101a0b-2096-447d-96ea-a692162415ae', 'req-<*>'],
    ['[instance: b9000564-fe1a-409b-bdcc-1e88b294cd1d]', '[instance: <*>]'],
    ['/var/log/syslog', '<*>'],
    ['(/etc/httpd/conf/workers2.properties)', '(<*>)'],
    ['C:\\Windows\\winsxs\\x.dll', '<*>'],
    ['http://example.org/a/b', '<*>'],
    ['250ms', '<*>'],
    ['1.5GiB', '<*>'],
    ['64MB,', '<*>,'],
    ['blk_-6952295868487656571', 'blk_<*>'],
    ['blk_38865049064139660', 'blk_<*>'],
    ['sshd[24200]:', 'sshd[<*>]:'],
    ['uid=0', 'uid=<*>'],
    ['ruser=', 'ruser='],
    ['rhost=ns1.example.com', 'rhost=<*>'],
    ['proxy.cse.cuhk.edu.hk:5070', '<*>'],
    ['org.apache.hadoop.ipc.Client:', 'org.apache.hadoop.ipc.Client:'],
    ['[Sun', '[<*>'],
    ['Dec', '<*>'],
    ['December', 'December'],
    ['terminating', 'terminating'],
    ['2015-07-29', '<*>'],
    ['17:41:44,747', '<*>'],
    // a two-label name is a host only as a value (a Java package is not: java.net)
    ['rhost=example.com', 'rhost=<*>'],
    ['java.net', 'java.net'],
    // a device name is a wording (which interface), a longer number after letters is an id
    ['eth0', 'eth0'],
    ['awdl0)', 'awdl0)'],
    ['tc19060', '<*>'],
    ['an14', '<*>'],
  ];
  for (const [input, want] of cases) {
    test(`${input} → ${want}`, () => assert.equal(maskToken(input), want));
  }
});

describe('tokenize', () => {
  test('splits on any whitespace and masks each token', () => {
    assert.deepEqual(tokenize('  Took 12 ms\tto  read /tmp/x ', 100, 10), ['Took', '<*>', '<*>', 'to', 'read', '<*>']);
  });
  test('a quoted key="value" with spaces stays one token, so the fields after it keep their positions', () => {
    const a = tokenize('acquire lock=12, flags=0x1, tag="View Lock", name=com.android.systemui, uid=1000', 4096, 256);
    const b = tokenize('acquire lock=13, flags=0x1, tag="AlarmManager", name=android, uid=1000', 4096, 256);
    assert.equal(a.length, b.length);
    assert.equal(a[3], 'tag="View\u00a0Lock",');
    // a quote at a token's start is text (an HTTP request line), not a field
    assert.deepEqual(tokenize('"GET /v2/servers HTTP/1.1" status: 200', 4096, 256).length, 5);
  });
  test('a size or duration unit after a number is part of the value: 80 B and 5.2 KB mask alike', () => {
    const a = tokenize('Block rdd_2_3 stored as bytes in memory (estimated size 80 B, free 5.2 KB)', 4096, 256);
    const b = tokenize('Block rdd_2_4 stored as bytes in memory (estimated size 1.1 MB, free 317.5 MB)', 4096, 256);
    assert.deepEqual(a, b);
    assert.deepEqual(a.slice(-5), ['<*>', '<*>,', 'free', '<*>', '<*>)']);
    // a unit word that follows no number is a word
    assert.deepEqual(tokenize('size in MB unknown', 4096, 256), ['size', 'in', 'MB', 'unknown']);
  });
  test('bounds the characters and the tokens it looks at', () => {
    assert.deepEqual(tokenize('a b c d e f', 100, 3), ['a', 'b', 'c', '<*>']);
    assert.deepEqual(tokenize('abc def ghi', 5, 10), ['abc', 'd']);
  });
  test('an empty message has no tokens', () => assert.deepEqual(tokenize('   ', 100, 10), []));
});
