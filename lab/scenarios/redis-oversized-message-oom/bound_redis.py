"""A redis-py client whose connections leave from a given local address (the simulated host's own)."""
import socket

import redis


class BoundConnection(redis.Connection):
    def __init__(self, source_ip=None, **kwargs):
        super().__init__(**kwargs)
        self.source_ip = source_ip

    def _connect(self):
        source = (self.source_ip, 0) if self.source_ip else None
        sock = socket.create_connection((self.host, self.port), timeout=self.socket_connect_timeout,
                                        source_address=source)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(self.socket_timeout)
        return sock


def client(address, source_ip=None, **kwargs):
    host, port = address.rsplit(':', 1)
    pool = redis.ConnectionPool(connection_class=BoundConnection, host=host, port=int(port),
                                source_ip=source_ip, **kwargs)
    return redis.Redis(connection_pool=pool)
