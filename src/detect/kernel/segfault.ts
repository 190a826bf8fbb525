import { signature, type Hit } from '../define.js';

// "segv-demo[19461]: segfault at 0 ip 000056318ae1617b sp 00007ffc5be50b40 error 6 in segv-demo[117b,56318ae16000+1000] likely on CPU 0 ..."
const SEGFAULT = /^(?:\[[^\]]{1,40}\] )?(\S.{0,63}?)\[(\d+)\]: segfault at ([0-9a-f]{1,16}) ip ([0-9a-f]{1,16}) sp ([0-9a-f]{1,16}) error ([0-9a-f]{1,4})(?: in ([^\s[]{1,200})\[)?/;
// "traps: java[4242] general protection fault ip:7f0c1d2e3f40 sp:7ffd00000000 error:0 in libjvm.so[7f0c1c000000+1000000]"
// "traps: app[77] trap divide error ip:401136 sp:7ffc8a1e7b50 error:0 in app[401000+1000]"
const TRAP = /^(?:\[[^\]]{1,40}\] )?traps: (\S.{0,63}?)\[(\d+)\] (general protection fault|trap [a-z ]{3,30}?) ip:([0-9a-f]{1,16}) sp:([0-9a-f]{1,16}) error:([0-9a-f]{1,4})(?: in ([^\s[]{1,200})\[)?/;

/**
 * The kernel's note of a user process killed by a fatal fault it did not handle (arch/x86/mm/fault.c,
 * arch/x86/kernel/traps.c; printed while debug.exception-trace is 1): SIGSEGV from a bad access, or
 * SIGSEGV/SIGFPE/SIGILL from a trap. A shell or supervisor then reports exit status 139 (128 + 11).
 * The page-fault error code's bits: 1 protection violation, 2 write, 4 user mode, 16 instruction fetch.
 */
export const kernelSegfault = signature({
  name: 'kernel-segfault',
  category: 'process-crash',
  software: 'linux-kernel',
  description: 'A process died on an unhandled fault: segfault (address, ip, error code, object) or a trap (GPF, divide error)',
  formats: '*',
  prefilter: ['segfault at ', 'traps: '],
  match: /segfault at |traps: /,
  severity: 'critical',
  hit(_m, e): Omit<Hit, 'event'> | undefined {
    const s = SEGFAULT.exec(e.message);
    if (s) {
      const process = s[1]!;
      const pid = Number(s[2]);
      const errorCode = parseInt(s[6]!, 16);
      const address = parseInt(s[3]!, 16);
      const nullPointer = address < 4096;
      const object = s[7] ?? null;
      return {
        facts: {
          signal: 'SIGSEGV', exitStatus: 139, faultAddress: `0x${s[3]}`, ip: `0x${s[4]}`, errorCode,
          write: (errorCode & 2) !== 0, instructionFetch: (errorCode & 16) !== 0, nullPointer, object,
        },
        process,
        pid,
        key: String(pid),
        title: `${process} (pid ${pid}) segfaulted ${nullPointer ? 'on a NULL pointer ' : ''}at 0x${s[3]}${object ? ` in ${object}` : ''} (SIGSEGV)`,
      };
    }
    const t = TRAP.exec(e.message);
    if (!t) return undefined;
    const process = t[1]!;
    const pid = Number(t[2]);
    const trap = t[3]!;
    const signal = trap === 'trap divide error' ? 'SIGFPE' : trap === 'trap invalid opcode' ? 'SIGILL' : 'SIGSEGV';
    const object = t[7] ?? null;
    return {
      facts: { signal, exitStatus: signal === 'SIGFPE' ? 136 : signal === 'SIGILL' ? 132 : 139, trap, ip: `0x${t[4]}`, errorCode: parseInt(t[6]!, 16), object },
      process,
      pid,
      key: String(pid),
      title: `${process} (pid ${pid}) died on a ${trap.replace(/^trap /, '')}${object ? ` in ${object}` : ''} (${signal})`,
    };
  },
  samples: {
    hit: [
      // recorded on this project's machine (scripts/record/kernel-faults.sh)
      '[Sun Nov 22 04:27:14 2026] segv-demo[19461]: segfault at 0 ip 000056318ae1617b sp 00007ffc5be50b40 error 6 in segv-demo[117b,56318ae16000+1000] likely on CPU 0 (core 0, socket 0)',
      'May 10 15:47:41 app-1 kernel: [8812466.010203] java[4242]: segfault at 7f0c00000008 ip 00007f0c1d2e3f40 sp 00007f0bf8ffe9e0 error 4 in libzip.so[7f0c1d2d9000+13000]',
      '[Sun May 10 15:47:41 2026] traps: worker[4242] general protection fault ip:7f0c1d2e3f40 sp:7ffd5c2e1a90 error:0 in libc.so.6[7f0c1d200000+195000]',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] ERROR app.Native - worker segfault at startup, see core file',
      '[Sun May 10 15:47:41 2026] traps: Missing ENDBR: entry_SYSCALL_64+0x0/0x30',
    ],
  },
});
