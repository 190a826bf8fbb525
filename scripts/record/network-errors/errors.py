"""Provokes socket errors against loopback listeners it starts itself and logs them with the
logging module, as a Python service would: refused, reset, timeout, too many open files.
Used by scripts/record/network-errors.sh."""
import logging
import resource
import socket
import struct
import sys
import threading
import time

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(asctime)s %(levelname)s [%(name)s] %(message)s')
log = logging.getLogger('worker.sync')
dead = int(sys.argv[1]) if len(sys.argv) > 1 else 18491


def serve(sock, handler):
    def loop():
        while True:
            try:
                c, _ = sock.accept()
            except OSError:
                return
            handler(c)
    threading.Thread(target=loop, daemon=True).start()


for _ in range(3):
    try:
        socket.create_connection(('127.0.0.1', dead), timeout=1)
    except OSError as e:
        log.error('cannot reach cache at 127.0.0.1:%d: %s', dead, e)

rst = socket.socket()
rst.bind(('127.0.0.1', 0))
rst.listen(16)


def reset(c):
    c.recv(64)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    c.close()


serve(rst, reset)
for _ in range(3):
    c = socket.create_connection(rst.getsockname(), timeout=1)
    c.sendall(b'PING\r\n')
    time.sleep(0.05)
    try:
        c.recv(64)
    except OSError as e:
        log.warning('upstream %s:%d dropped the request: %s', *rst.getsockname(), e)
    c.close()

slow = socket.socket()
slow.bind(('127.0.0.1', 0))
slow.listen(64)
held = []
serve(slow, held.append)
for _ in range(2):
    c = socket.create_connection(slow.getsockname(), timeout=0.2)
    try:
        c.recv(64)
    except OSError as e:
        log.warning('no answer from %s:%d: %r', *slow.getsockname(), e)
    c.close()

resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))
conns = []
try:
    for _ in range(64):
        conns.append(socket.create_connection(slow.getsockname(), timeout=1))
except OSError as e:
    log.error('opened %d connections, then: %s', len(conns), e)
