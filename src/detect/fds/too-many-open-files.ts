import { signature } from '../define.js';
import { reporterOf } from '../network/net-error.js';

// Go: "http: Accept error: accept tcp 127.0.0.1:8080: accept4: too many open files; retrying in 5ms"
const GO_ACCEPT = /\baccept (?:tcp|unix)[46]? (\S+?): (\w+): /;
// Go, other calls: "dial tcp 10.0.0.5:80: socket: too many open files", "open /data/x: too many open files"
const GO_CALL = /: (\w+): too many open files/;
const GO_RETRY = /retrying in (\d+(?:\.\d+)?)(ms|s)\b/;
// nginx "accept4() failed (24: ...)", Node "EMFILE: too many open files, open '/x'", strace "accept4(3, ...) = -1 EMFILE"
const CALL = /\b(\w+)\(\)? failed \(2[34]: |\b(\w+)\(\d+,[^)]*\)\s+= -1 E[MN]FILE|E[MN]FILE: too many open files, (\w+)/;

/**
 * A process out of file descriptors: EMFILE ("Too many open files": its own RLIMIT_NOFILE) or
 * ENFILE ("Too many open files in system": the host's file-max). Servers show it on accept(): Go's
 * net/http ("http: Accept error: ... accept4: too many open files; retrying in 5ms"), Java
 * ("java.net.SocketException: Too many open files"), nginx ("accept4() failed (24: Too many open files)").
 */
export const tooManyOpenFiles = signature({
  name: 'errno-too-many-open-files',
  category: 'fd-exhaustion',
  software: 'any',
  description: 'EMFILE/ENFILE (too many open files), e.g. a server failing accept(); per reporter, with the call and listen address',
  formats: '*',
  prefilter: ['oo many open files', 'EMFILE', 'ENFILE'],
  match: /(too many open files(?: in system)?|EMFILE|ENFILE)(?![a-zA-Z_])/i,
  severity: 'error',
  hit(m, e) {
    const word = m[1]!.toLowerCase();
    const errno = word.endsWith('in system') || word === 'enfile' ? 'ENFILE' : 'EMFILE';
    const msg = e.message;
    const go = GO_ACCEPT.exec(msg);
    const call = go ? null : CALL.exec(msg);
    const syscall = (e.fields && typeof e.fields.syscall === 'string' ? e.fields.syscall : null) ??
      go?.[2] ?? call?.[1] ?? call?.[2] ?? call?.[3] ?? GO_CALL.exec(msg)?.[1] ?? (/\baccept/i.test(msg) ? 'accept' : null);
    const retry = GO_RETRY.exec(msg);
    const retryMs = retry ? Number(retry[1]) * (retry[2] === 's' ? 1000 : 1) : null;
    const listenAddress = go ? go[1]! : null;
    const accepting = syscall !== null && syscall.startsWith('accept');
    return {
      facts: { errno, syscall, listenAddress, retryMs },
      key: `${reporterOf(e)}|${errno}|${listenAddress ?? ''}`,
      title: `${errno === 'ENFILE' ? 'host out of file handles' : 'too many open files'}${accepting ? `: ${syscall} failing${listenAddress ? ` on ${listenAddress}` : ''}` : syscall ? ` on ${syscall}` : ''}, seen by ${reporterOf(e)}`,
    };
  },
  samples: {
    hit: [
      // Go net/http server (recorded: lab pg-pool-fd-exhaustion)
      '2026/11/22 04:22:43.682193 http: Accept error: accept tcp 127.0.0.11:8080: accept4: too many open files; retrying in 5ms',
      '2024/03/02 11:04:05 [crit] 3012#3012: accept4() failed (24: Too many open files)',
      '2024-03-02 11:04:05,210 [http-nio-8080-Acceptor] ERROR o.a.tomcat.util.net.Acceptor - Socket accept failed: java.net.SocketException: Too many open files',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] INFO  c.e.Boot - max open files raised to 65536 (was 1024); 231 open files now',
    ],
  },
});
