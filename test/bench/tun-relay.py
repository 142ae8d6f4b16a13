"""A delayed link for `npm run bench` (this kernel has no netem qdisc): one TUN device in each of two
network namespaces, and this process between them, which holds every IP packet for a one-way delay
before writing it into the other device, in order. RTT = 2 x the delay.

Usage (run inside the first namespace):  python3 tun-relay.py <device> <path of the other netns> <ms>
Prints "ready" once both devices exist; each line on stdin sets a new one-way delay in ms (answered
"delay <ms>"); end of stdin ends it, and the devices go with it. Standard library only.
"""

import ctypes
import fcntl
import heapq
import os
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
CLONE_NEWNET = 0x40000000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def enter_netns(path):
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"setns {path}: {os.strerror(err)}")
    finally:
        os.close(fd)


def main():
    name, peer, delay_ms = sys.argv[1], sys.argv[2], float(sys.argv[3])
    delay = delay_ms / 1000.0
    first = open_tun(name)
    enter_netns(peer)
    second = open_tun(name)
    other = {first: second, second: first}
    stdin = sys.stdin.fileno()
    print("ready", flush=True)
    queue = []  # (due, sequence, fd, packet): equal delays keep the order packets came in
    sequence = 0
    pending = b""
    while True:
        timeout = max(0.0, queue[0][0] - time.monotonic()) if queue else None
        readable, _, _ = select.select([first, second, stdin], [], [], timeout)
        now = time.monotonic()
        for fd in readable:
            if fd == stdin:
                chunk = os.read(stdin, 4096)
                if not chunk:
                    return
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    delay = float(line) / 1000.0
                    print(f"delay {line.decode().strip()}", flush=True)
                continue
            try:
                packet = os.read(fd, 65536)
            except OSError:
                continue
            if delay <= 0:
                write(other[fd], packet)
            else:
                heapq.heappush(queue, (now + delay, sequence, other[fd], packet))
                sequence += 1
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, fd, packet = heapq.heappop(queue)
            write(fd, packet)


def write(fd, packet):
    try:
        os.write(fd, packet)
    except OSError:
        pass  # the device is going down: the packet is lost, as on a link that goes away


if __name__ == "__main__":
    main()
