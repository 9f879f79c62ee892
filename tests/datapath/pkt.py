#!/usr/bin/env python3
"""Send and receive real IPv4 packets for the data-path tests.

Every network call has a timeout; every command prints one result line.

  pkt.py ping DST [-c N] [-s SRC] [-i SEC] [-W SEC] [--id ID] [--payload TEXT]
      ICMP echo requests over a raw socket, all with the same identifier.
      -i 0 sends them back to back and then collects replies; otherwise one
      at a time, waiting up to -W for each reply.  Prints the number of
      replies received.
  pkt.py tcp DST PORT [-s SRC] [--sport P] [-W SEC] [--send TEXT]
      TCP connect.  Prints "connected" (then "reply:TEXT" with --send),
      "timeout", or the errno name (ECONNREFUSED ...) and the time it took
      as "ms=N" on a second line.
  pkt.py udp DST PORT [-s SRC] [--sport P] [-W SEC] [--send TEXT]
      One datagram on a connected socket with IP_RECVERR.  Prints
      "reply:TEXT", "icmp:TYPE/CODE" (the ICMP error that came back) or
      "timeout".
  pkt.py tcpraw DST PORT --flags FLAGS [-s SRC] [--sport P]
      One hand-made TCP segment (FLAGS from "FSRPAU"), for conntrack INVALID.
  pkt.py serve tcp|udp PORT [--bind ADDR] [--ready FILE] [--max-time SEC]
      Echo server; creates FILE once it listens; exits after --max-time.
"""
import argparse
import errno
import os
import select
import socket
import struct
import sys
import time

IP_RECVERR = 11
SO_EE_ORIGIN_ICMP = 2


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def echo_request(ident, seq, payload):
    hdr = struct.pack("!BBHHH", 8, 0, 0, ident, seq)
    csum = checksum(hdr + payload)
    return struct.pack("!BBHHH", 8, 0, csum, ident, seq) + payload


def cmd_ping(a):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    if a.src:
        s.bind((a.src, 0))
    ident = a.id if a.id is not None else os.getpid() & 0xFFFF
    payload = a.payload.encode()
    got = set()

    def collect(deadline, want):
        while time.monotonic() < deadline and not want <= got:
            r, _, _ = select.select([s], [], [], max(0, deadline - time.monotonic()))
            if not r:
                break
            pkt, addr = s.recvfrom(65535)
            ihl = (pkt[0] & 0x0F) * 4
            icmp = pkt[ihl:ihl + 8]
            if len(icmp) < 8 or addr[0] != a.dst:
                continue
            typ, _, _, rid, rseq = struct.unpack("!BBHHH", icmp)
            if typ == 0 and rid == ident:
                got.add(rseq)

    if a.interval == 0:
        for seq in range(1, a.count + 1):
            s.sendto(echo_request(ident, seq, payload), (a.dst, 0))
        collect(time.monotonic() + a.wait, set(range(1, a.count + 1)))
    else:
        for seq in range(1, a.count + 1):
            if seq > 1:
                time.sleep(a.interval)
            s.sendto(echo_request(ident, seq, payload), (a.dst, 0))
            collect(time.monotonic() + a.wait, {seq})
    print(len(got))


def bound_socket(a, kind):
    s = socket.socket(socket.AF_INET, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if a.src or a.sport:
        s.bind((a.src or "0.0.0.0", a.sport or 0))
    return s


def errname(e):
    return errno.errorcode.get(e.errno, str(e.errno)) if e.errno else "timeout"


def cmd_tcp(a):
    s = bound_socket(a, socket.SOCK_STREAM)
    s.settimeout(a.wait)
    t0 = time.monotonic()
    try:
        s.connect((a.dst, a.port))
        result = "connected"
    except socket.timeout:
        result = "timeout"
    except OSError as e:
        result = errname(e)
    ms = int((time.monotonic() - t0) * 1000)
    print(result)
    if result == "connected" and a.send is not None:
        try:
            s.sendall(a.send.encode())
            s.shutdown(socket.SHUT_WR)
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            print("reply:" + data.decode(errors="replace"))
        except socket.timeout:
            print("reply-timeout")
        except OSError as e:
            print("reply-error:" + errname(e))
    print("ms=%d" % ms)


def cmd_udp(a):
    s = bound_socket(a, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_IP, IP_RECVERR, 1)
    s.connect((a.dst, a.port))
    s.send((a.send or "x").encode())
    deadline = time.monotonic() + a.wait
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            print("timeout")
            return
        r, _, x = select.select([s], [], [s], left)
        if not r and not x:
            print("timeout")
            return
        try:
            _, anc, _, _ = s.recvmsg(512, 512, socket.MSG_ERRQUEUE)
        except BlockingIOError:
            anc = None
        except OSError:
            anc = None
        if anc:
            for level, typ, data in anc:
                if level == socket.SOL_IP and typ == IP_RECVERR:
                    ee_errno, origin, itype, icode = struct.unpack("=IBBB", data[:7])
                    if origin == SO_EE_ORIGIN_ICMP:
                        print("icmp:%d/%d" % (itype, icode))
                    else:
                        print("error:" + errno.errorcode.get(ee_errno, str(ee_errno)))
                    return
        try:
            data = s.recv(4096, socket.MSG_DONTWAIT)
            print("reply:" + data.decode(errors="replace"))
            return
        except BlockingIOError:
            continue
        except OSError as e:
            print("error:" + errname(e))
            return


def cmd_tcpraw(a):
    src = a.src
    if not src:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.connect((a.dst, a.port))
        src = probe.getsockname()[0]
        probe.close()
    flags = 0
    for ch in a.flags:
        flags |= {"F": 1, "S": 2, "R": 4, "P": 8, "A": 16, "U": 32}[ch]
    sport = a.sport or 40000
    hdr = struct.pack("!HHIIBBHHH", sport, a.port, 1000, 0, 5 << 4, flags, 8192, 0, 0)
    pseudo = socket.inet_aton(src) + socket.inet_aton(a.dst) + struct.pack("!BBH", 0, 6, len(hdr))
    csum = checksum(pseudo + hdr)
    hdr = hdr[:16] + struct.pack("!H", csum) + hdr[18:]
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP)
    s.bind((src, 0))
    s.sendto(hdr, (a.dst, 0))
    print("sent")


def cmd_serve(a):
    kind = socket.SOCK_STREAM if a.proto == "tcp" else socket.SOCK_DGRAM
    s = socket.socket(socket.AF_INET, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.bind, a.port))
    if kind == socket.SOCK_STREAM:
        s.listen(16)
    if a.ready:
        open(a.ready, "w").close()
    end = time.monotonic() + a.max_time
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        r, _, _ = select.select([s], [], [], left)
        if not r:
            continue
        if kind == socket.SOCK_DGRAM:
            try:
                data, peer = s.recvfrom(65535)
                s.sendto(data, peer)
            except OSError:
                pass
            continue
        c, _ = s.accept()
        c.settimeout(2)
        try:
            data = b""
            while True:
                chunk = c.recv(4096)
                if not chunk:
                    break
                data += chunk
            c.sendall(data)
        except OSError:
            pass
        c.close()


def main():
    p = argparse.ArgumentParser(description="data-path test packets")
    sub = p.add_subparsers(dest="cmd", required=True)

    q = sub.add_parser("ping")
    q.add_argument("dst")
    q.add_argument("-c", "--count", type=int, default=1)
    q.add_argument("-s", "--src")
    q.add_argument("-i", "--interval", type=float, default=0.0)
    q.add_argument("-W", "--wait", type=float, default=2.0)
    q.add_argument("--id", type=int)
    q.add_argument("--payload", default="xtables-datapath")
    q.set_defaults(fn=cmd_ping)

    for name, fn in (("tcp", cmd_tcp), ("udp", cmd_udp)):
        q = sub.add_parser(name)
        q.add_argument("dst")
        q.add_argument("port", type=int)
        q.add_argument("-s", "--src")
        q.add_argument("--sport", type=int)
        q.add_argument("-W", "--wait", type=float, default=2.0)
        q.add_argument("--send")
        q.set_defaults(fn=fn)

    q = sub.add_parser("tcpraw")
    q.add_argument("dst")
    q.add_argument("port", type=int)
    q.add_argument("--flags", required=True)
    q.add_argument("-s", "--src")
    q.add_argument("--sport", type=int)
    q.set_defaults(fn=cmd_tcpraw)

    q = sub.add_parser("serve")
    q.add_argument("proto", choices=("tcp", "udp"))
    q.add_argument("port", type=int)
    q.add_argument("--bind", default="0.0.0.0")
    q.add_argument("--ready")
    q.add_argument("--max-time", type=float, default=20.0)
    q.set_defaults(fn=cmd_serve)

    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    sys.exit(main())
