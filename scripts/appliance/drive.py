#!/usr/bin/env python3
"""Drives the kiosk appliance in QEMU for scripts/appliance-test.sh.

QEMU runs with a virtual screen (-vga std), a USB controller with a USB tablet (absolute pointer,
as a touch screen reports), no network, the disk in writeback cache mode (what the guest did not
sync is lost when QEMU quits), QMP on a unix socket and the serial console on another. The guest
has a root shell on its serial console; the kiosk writes its UI map to /run/desa-kiosk/ui-map.json
(the unit's KIOSK_OPTIONS), which that shell prints, so the test knows where to touch. Touches are
QMP input-send-event at the widget's centre; pictures are QMP screendumps, saved as PNG.

Each step prints one line "ok: ..." or "FAIL: ..." with its figures. Standard library only.
"""
import argparse
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib

W, H = 1280, 800
READS = {}  # what the test read from the guest over the serial console: {what: (count, seconds)}


def log(msg):
    print(msg, flush=True)


# ---------------------------------------------------------------- pictures


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P6\n<w> <h>\n<max>\n<bytes>
    parts = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(parts.group(1)), int(parts.group(2))
    return w, h, data[parts.end():parts.end() + w * h * 3]


def write_png(path, w, h, rgb):
    raw = b"".join(b"\x00" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def read_png(path):
    """(w, h, rgb) of an 8-bit RGB or RGBA PNG that is not interlaced (the kiosk's tour pictures)."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("%s: not an 8-bit RGB(A) PNG" % path)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * bpp
    out = bytearray()
    prev = bytearray(stride)
    for y in range(h):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p_ = a + b - c
                pa, pb, pc = abs(p_ - a), abs(p_ - b), abs(p_ - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if bpp == 3:
            out += line
        else:
            for x in range(w):
                out += line[x * 4:x * 4 + 3]
    return w, h, bytes(out)


def colours(w, h, rgb, step=4):
    """Histogram of the picture's colours (every step-th pixel both ways), 4 bits a channel."""
    hist = {}
    for y in range(0, h, step):
        row = y * w * 3
        for x in range(0, w, step):
            i = row + x * 3
            key = (rgb[i] >> 4, rgb[i + 1] >> 4, rgb[i + 2] >> 4)
            hist[key] = hist.get(key, 0) + 1
    return hist


def describe(w, h, rgb):
    """(share of dark pixels, number of colours, the most common colour as #rrggbb)."""
    hist = colours(w, h, rgb)
    total = sum(hist.values())
    dark = sum(n for (r, g, b), n in hist.items() if r < 2 and g < 2 and b < 2) / total
    top = max(hist, key=hist.get)
    return dark, len(hist), "#%02x%02x%02x" % tuple(c * 16 + 8 for c in top)


# ---------------------------------------------------------------- QEMU


class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        self.file = self.sock.makefile("rwb")
        self.events = []
        self._read()  # greeting
        self.cmd("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise EOFError("QMP closed")
        return json.loads(line)

    def cmd(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.file.write(json.dumps(msg).encode() + b"\n")
        self.file.flush()
        while True:
            reply = self._read()
            if "event" in reply:
                self.events.append(reply)
                continue
            if "error" in reply:
                raise RuntimeError("QMP %s: %s" % (name, reply["error"].get("desc")))
            return reply.get("return")

    def wait_event(self, name, timeout):
        end = time.time() + timeout
        self.sock.settimeout(1)
        try:
            while time.time() < end:
                if any(e["event"] == name for e in self.events):
                    return True
                try:
                    self.events.append(self._read())
                except (socket.timeout, TimeoutError):
                    pass
        finally:
            self.sock.settimeout(None)
        return any(e["event"] == name for e in self.events)


class Serial:
    """The guest's serial console: everything it says goes to a log file; run() types a command
    into the root shell and returns its output and exit status."""

    def __init__(self, path, logfile):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        self.buf = b""
        self.lock = threading.Condition()
        self.log = open(logfile, "wb")
        self.n = 0
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                data = b""
            if not data:
                return
            self.log.write(data)
            self.log.flush()
            with self.lock:
                self.buf += data
                self.lock.notify_all()

    def wait_for(self, pattern, timeout, start=0):
        end = time.time() + timeout
        rx = re.compile(pattern)
        with self.lock:
            while True:
                m = rx.search(self.buf, start)
                if m:
                    return m
                left = end - time.time()
                if left <= 0:
                    return None
                self.lock.wait(min(left, 1))

    def send(self, text):
        self.sock.sendall(text.encode())

    def run(self, command, timeout=60):
        """(exit status, output); status None when the shell did not answer in time."""
        self.n += 1
        n = self.n
        with self.lock:
            start = len(self.buf)
        # The markers are printed from printf's arguments, so an echo of the command never matches them.
        self.send("printf '__S%%s__\\n' %d; %s\nprintf '__E%%s_%%d__\\n' %d $?\n" % (n, command, n))
        m = self.wait_for(rb"__E%d_(\d+)__" % n, timeout, start)
        if not m:
            return None, ""
        s = self.wait_for(rb"__S%d__\r?\n" % n, 1, start)
        out = self.buf[s.end() if s else start:m.start()].decode("utf-8", "replace").replace("\r", "")
        return int(m.group(1)), out

    def login(self, timeout):
        """Waits for the autologin shell and makes it quiet: no kernel messages over its output."""
        end = time.time() + timeout
        while time.time() < end:
            self.send("\n")
            if self.wait_for(rb"root@kiosk-vm[^\n]*# ", 3):
                status, _ = self.run("dmesg -n 1; stty -echo cols 500; PS1=''; PS2=''; export SYSTEMD_PAGER=cat "
                                     "SYSTEMD_COLORS=0 PAGER=cat; "
                                     "bind 'set enable-bracketed-paste off'", timeout=10)
                if status == 0:
                    return True
        return False


class Stuck(Exception):
    """The kiosk or the machine did not do what a step waited for."""


class Vm:
    def __init__(self, args, run_dir, name):
        self.args = args
        self.dir = run_dir
        self.name = name
        self.qmp_path = os.path.join(run_dir, "qmp.sock")
        self.serial_path = os.path.join(run_dir, "serial.sock")
        self.proc = None

    def start(self):
        for p in (self.qmp_path, self.serial_path):
            if os.path.exists(p):
                os.unlink(p)
        # console=tty0 as well: without a console on the virtual terminals Xorg fails ("VT_ACTIVATE
        # failed"). The PC machine's floppy controller has no disk: its driver stays out.
        cmdline = ("root=/dev/vda rw console=tty0 console=ttyS0,115200 net.ifnames=0 loglevel=4 "
                   "modprobe.blacklist=floppy")
        qemu = [
            "qemu-system-x86_64", "-accel", "tcg", "-smp", "1", "-m", "2048",
            "-kernel", self.args.kernel, "-initrd", self.args.initrd, "-append", cmdline,
            "-drive", "file=%s,if=virtio,format=raw,cache=writeback" % self.args.disk,
            "-device", "qemu-xhci,id=xhci", "-device", "usb-tablet,bus=xhci.0",
            "-vga", "std", "-display", "none", "-nic", "none",
            "-chardev", "socket,id=ser0,path=%s,server=on,wait=off" % self.serial_path,
            "-serial", "chardev:ser0",
            "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
        ]
        self.t0 = time.time()
        self.proc = subprocess.Popen(qemu, stdout=open(os.path.join(self.dir, "qemu.log"), "ab"),
                                     stderr=subprocess.STDOUT)
        for _ in range(100):
            if os.path.exists(self.qmp_path) and os.path.exists(self.serial_path):
                break
            time.sleep(0.1)
        self.serial = Serial(self.serial_path, os.path.join(self.dir, "serial-%s.log" % self.name))
        self.qmp = Qmp(self.qmp_path)

    def power_cut(self):
        """Pulls the plug: QEMU quits at once, what the guest did not sync is gone."""
        try:
            self.qmp.cmd("quit")
        except (EOFError, OSError):
            pass
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.power_cut()

    # --- pictures and touches

    def screendump(self, name=None):
        ppm = os.path.join(self.dir, "screen.ppm")
        self.qmp.cmd("screendump", filename=ppm)
        w, h, rgb = read_ppm(ppm)
        if name:
            write_png(os.path.join(self.args.out, name + ".png"), w, h, rgb)
        return w, h, rgb

    def pointer(self, x, y, down=None):
        w, h = self.size
        events = [{"type": "abs", "data": {"axis": "x", "value": int(x * 32767 / max(w - 1, 1))}},
                  {"type": "abs", "data": {"axis": "y", "value": int(y * 32767 / max(h - 1, 1))}}]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.qmp.cmd("input-send-event", events=events)

    def x_pointer(self):
        """Where the guest's X server has the pointer, (x, y), or None when it cannot be asked."""
        t0 = time.time()
        status, out = self.sh("DISPLAY=:0 XAUTHORITY=/run/desa-kiosk/Xauthority xdotool getmouselocation", timeout=20)
        self.count("pointer_read", t0)
        m = re.search(r"x:(\d+) y:(\d+)", out) if status == 0 else None
        return (int(m.group(1)), int(m.group(2))) if m else None

    def rest(self, x, y, timeout=20):
        """Moves the finger to (x, y) and waits until the guest's X server has the pointer there.
        Under software emulation the tablet's reports reach X late while the kiosk draws: a press
        sent before the move was taken lands where the pointer was before."""
        end = time.time() + timeout
        self.pointer(x, y)
        at = None
        while time.time() < end:
            at = self.x_pointer()
            if at and abs(at[0] - x) <= 1 and abs(at[1] - y) <= 1:
                return True
            time.sleep(0.2)
        raise Stuck("the pointer did not come to (%d, %d) within %d s: X has it at %s" % (x, y, timeout, at))

    def touch(self, x, y, hold=0.15):
        self.rest(x, y)
        self.pointer(x, y, True)
        time.sleep(hold)
        self.pointer(x, y, False)

    def wheel(self, x, y, down=True):
        self.rest(x, y)
        button = "wheel-down" if down else "wheel-up"
        for d in (True, False):
            self.qmp.cmd("input-send-event", events=[{"type": "btn", "data": {"down": d, "button": button}}])

    size = (W, H)

    # --- the guest

    def sh(self, command, timeout=60):
        return self.serial.run(command, timeout)

    def ui_map(self):
        t0 = time.time()
        status, out = self.sh("cat /run/desa-kiosk/ui-map.json 2>/dev/null", timeout=30)
        self.count("map_read", t0)
        if status != 0:
            return None
        try:
            return json.loads(out)
        except ValueError:
            return None

    def count(self, what, t0):
        """Counts a read of the guest and the seconds it took, for the figures."""
        n, total = READS.get(what, (0, 0.0))
        READS[what] = (n + 1, total + time.time() - t0)

    def kiosk_pid(self):
        status, out = self.sh("pgrep -u kiosk -x kiosk", timeout=30)
        return int(out.split()[0]) if status == 0 and out.split() else None


# ---------------------------------------------------------------- driving the kiosk's screens


class Driver:
    def __init__(self, vm):
        self.vm = vm
        self.map = None
        self.retries = 0  # touches the kiosk never counted, made again

    def refresh(self):
        self.map = self.vm.ui_map()
        return self.map

    def wait_screen(self, screen, timeout=30, **values):
        end = time.time() + timeout
        while time.time() < end:
            m = self.refresh()
            if m and m.get("screen") == screen and all(m.get("values", {}).get(k) == v for k, v in values.items()):
                return m
            time.sleep(0.3)
        got = self.map.get("screen") if self.map else None
        raise Stuck("expected screen %s %s, the map says %s %s" %
                    (screen, values or "", got, (self.map or {}).get("values", {}) if values else ""))

    def widget(self, wid, refresh=False):
        if refresh or self.map is None:
            self.refresh()
        for w in (self.map or {}).get("widgets", []):
            if w["id"] == wid:
                return w
        return None

    def wait_widget(self, wid, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            w = self.widget(wid, refresh=True)
            if w:
                return w
            time.sleep(0.3)
        raise Stuck("no widget %s on screen %s" % (wid, (self.map or {}).get("screen")))

    def taken(self, counter, count, timeout):
        """Waits until the kiosk's map counts `count` of its input `counter` ("touches" or
        "wheel_steps") and the picture drawn after them stands still: the map, or None."""
        end = time.time() + timeout
        while time.time() < end:
            m = self.refresh()
            got = (m or {}).get("input", {})
            if got.get(counter, 0) >= count and got.get("settled"):
                return m
            time.sleep(0.3)
        return None

    def settled(self, wid, timeout=30):
        """The widget in a map drawn once the kiosk had nothing more to draw: where it will stay. On
        a screen that never stands still (the attract screen's slides), the widget in the same
        place in two maps of different frames."""
        end = time.time() + timeout
        last = None
        while time.time() < end:
            w = self.widget(wid, refresh=True)
            frame = self.map.get("input", {}).get("frame") if self.map else None
            if w and self.map.get("input", {}).get("settled"):
                return w
            if w and last and last[0] != frame and all(w[k] == last[1][k] for k in ("x", "y", "w", "h")):
                return w
            last = (frame, w) if w else None
            time.sleep(0.3)
        raise Stuck("no widget %s on a settled screen (the map says screen %s)"
                    % (wid, (self.map or {}).get("screen")))

    def tap(self, wid, done, timeout=20, tries=3):
        """Touches the widget where it stands and waits until the kiosk has taken the touch (its map
        counts it, at the place touched) and done(map) says it did what the touch asks. A touch
        the kiosk never counted is made again, at most `tries` times in all, and counted in
        self.retries; a touch taken elsewhere, or taken with nothing done, is an error."""
        for _ in range(tries):
            # The map a step before this one waited for is settled already: nothing moved since.
            w = self.widget(wid) if (self.map or {}).get("input", {}).get("settled") else None
            w = w or self.settled(wid)
            touches = self.map.get("input", {}).get("touches", 0)
            x, y = w["x"] + w["w"] // 2, w["y"] + w["h"] // 2
            self.vm.touch(x, y)
            m = self.taken("touches", touches + 1, timeout)
            if m is None:
                m = self.refresh() or {}
                if done(m):
                    return m  # taken after all, later than the kiosk usually takes a touch
                self.retries += 1
                continue
            at = m["input"].get("touch", [-1, -1])
            if abs(at[0] - x) > 2 or abs(at[1] - y) > 2:
                raise Stuck("the touch on %s at (%d, %d) was taken at (%d, %d)" % (wid, x, y, at[0], at[1]))
            end = time.time() + timeout
            while not done(m):
                if time.time() > end:
                    raise Stuck("the touch on %s was taken, but the kiosk did not do what it asks (the map says "
                                "screen %s)" % (wid, m.get("screen")))
                time.sleep(0.3)
                m = self.refresh() or {}
            return m
        raise Stuck("%d touches on %s were never taken (the map says screen %s)" %
                    (tries, wid, (self.map or {}).get("screen")))

    def touch_only(self, wid):
        """Touches the widget where it stands on the settled screen and returns at once: for a power
        cut a moment after the touch."""
        w = self.settled(wid)
        self.vm.touch(w["x"] + w["w"] // 2, w["y"] + w["h"] // 2)

    def tap_to(self, wid, screen, **kw):
        """Touches a widget that leads to another screen."""
        return self.tap(wid, lambda m: m.get("screen") == screen, **kw)

    def choose(self, wid, value="chosen"):
        """Scrolls until the widget is in sight, then touches it until the map shows it `value`
        ("chosen" for one of a row of choices, "ticked" for a box)."""
        def has(m):
            return any(w["id"] == wid and w.get("value") == value for w in m.get("widgets", []))
        if not has(self.reveal(wid)):
            self.tap(wid, has)

    def reveal(self, wid):
        """Scrolls the page with the wheel, a step at a time, each step taken and drawn before the
        next, until the widget is wholly in sight: the settled map. A step the kiosk never
        counted is counted in self.retries, and the next step sent."""
        lost = 0
        for i in range(80):
            w = self.settled_or_none(wid)
            if w and not w["clipped"]:
                return self.map
            steps = self.map.get("input", {}).get("wheel_steps", 0)
            self.vm.wheel(W // 2, H // 2, down=i < 50)
            if self.taken("wheel_steps", steps + 1, 45) is None:
                self.retries += 1
                lost += 1
                if lost >= 3:
                    raise Stuck("three wheel steps on screen %s were never taken" % (self.map or {}).get("screen"))
        raise Stuck("scrolled 80 times but %s is not wholly in sight" % wid)

    def settled_screen(self, timeout=30):
        """The id of the screen up once a map says so twice in a row (the attract screen never
        settles: its slides move)."""
        end = time.time() + timeout
        last = None
        while time.time() < end:
            screen = (self.refresh() or {}).get("screen")
            if screen and screen == last:
                return screen
            last = screen
            time.sleep(0.3)
        raise Stuck("no screen stood for two maps in a row")

    def settled_or_none(self, wid, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            m = self.refresh()
            if m and m.get("input", {}).get("settled"):
                return self.widget(wid)
            time.sleep(0.3)
        raise Stuck("the screen %s never settled" % (self.map or {}).get("screen"))

    def type_keys(self, field, text):
        """Types text on the on-screen keyboard into the field being edited, a key at a time, each
        touch taken once the field's words have grown; the field must then read `text` back (its
        letters and digits: the kiosk capitalises names and groups phone digits)."""
        def letters(v):
            return re.sub(r"[^0-9a-z]", "", v.lower())
        self.wait_widget("osk.key.q" if not text[0].isdigit() else "osk.key.0")
        for i, c in enumerate(text):
            key = {" ": "space", ".": "period"}.get(c, c)
            want = text[:i + 1]
            self.tap("osk.key." + key, lambda m: any(
                w["id"] == field and letters(w.get("value", "")) == letters(want) and
                (c != " " or w.get("value", "").endswith(" ")) for w in m.get("widgets", [])))
        got = (self.widget(field) or {}).get("value", "")
        if letters(got) != letters(text):
            raise Stuck("typed '%s' into %s, which reads '%s'" % (text, field, got))
        return got

    def fill_form(self, name, phone):
        """From the attract or the home screen, a callback request typed with touches up to its review screen:
        (the name as the field read it back, the map of the review screen)."""
        if self.settled_screen() == "attract":
            self.tap_to("attract.start", "home")
        self.wait_screen("home")
        self.tap_to("home.tile.callback", "callback")
        self.tap("form.field.name", lambda m: any(w["id"] == "osk.key.q" for w in m.get("widgets", [])))
        typed = self.type_keys("form.field.name", name)
        self.tap("osk.key.next", lambda m: any(w["id"] == "osk.key.0" for w in m.get("widgets", [])))
        self.type_keys("form.field.phone", phone)
        self.tap("osk.key.done", lambda m: not any(w["id"].startswith("osk.key.") for w in m.get("widgets", [])))
        self.choose("form.topic.passport")
        self.choose("form.time.morning")
        self.choose("form.consent", "ticked")
        self.reveal("form.review")
        return typed, self.tap_to("form.review", "callback-review")

    def send_form(self):
        """Kirim on the review screen: the map of the confirmation, with the reference."""
        return self.tap_to("form.send", "callback-done", timeout=30)


# ---------------------------------------------------------------- the steps


class Test:
    def __init__(self, args):
        self.args = args
        self.failures = 0
        self.figures = {}
        self.reference = None
        self.run_dir = os.path.join(args.out, "run")
        os.makedirs(self.run_dir, exist_ok=True)
        self.vm = None

    def ok(self, text):
        log("ok: " + text)

    def fail(self, text):
        self.failures += 1
        log("FAIL: " + text)

    def boot(self, name):
        self.vm = Vm(self.args, self.run_dir, name)
        self.vm.start()
        self.drv = Driver(self.vm)
        return self.vm

    def attract_on_screen(self, shot=None):
        """The attract screen's picture: mostly coloured (not a black screen or a text console),
        with many colours, its most common colour that of the host's own rendering."""
        w, h, rgb = self.vm.screendump(shot)
        dark, n, top = describe(w, h, rgb)
        want = self.args.attract_colour
        good = dark < 0.5 and n > 40 and (not want or top == want)
        return good, "%dx%d, %.0f %% dark, %d colours, most common %s" % (w, h, dark * 100, n, top)

    def wait_attract(self, timeout, shot):
        end = time.time() + timeout
        detail = ""
        while time.time() < end:
            try:
                good, detail = self.attract_on_screen()
            except (RuntimeError, OSError, ValueError) as e:
                good, detail = False, str(e)
            if good:
                self.attract_on_screen(shot)
                return time.time(), detail
            time.sleep(2)
        self.vm.screendump(shot + "-timeout")
        return None, detail

    # 1 -----------------------------------------------------------------
    def step_boot(self):
        vm = self.boot("boot")
        seen, detail = self.wait_attract(600, "1-attract")
        if not seen:
            self.fail("boot: no attract screen within 600 s (%s; see %s-timeout.png)" % (detail, "1-attract"))
            return False
        boot_s = seen - vm.t0
        self.figures["boot_to_picture_s"] = round(boot_s)
        if not vm.serial.login(600):
            self.fail("boot: attract screen after %.0f s, but no root shell on the serial console" % boot_s)
            return False
        _, active = vm.sh("systemctl is-active desa-kiosk")
        _, show = vm.sh("systemctl show desa-kiosk -p Type -p NotifyAccess -p WatchdogUSec -p NRestarts "
                        "-p ActiveEnterTimestampMonotonic -p ExecMainStartTimestampMonotonic")
        props = dict(line.split("=", 1) for line in show.split() if "=" in line)
        m = self.drv.wait_screen("attract", 60)
        ready_s = (int(props.get("ActiveEnterTimestampMonotonic", 0)) -
                   int(props.get("ExecMainStartTimestampMonotonic", 0))) / 1e6
        if active.strip() == "active" and props.get("Type") == "notify" and m:
            self.ok("boot: attract screen on the virtual screen %.0f s after power-on (%s); desa-kiosk.service "
                    "active (Type=notify: after the kiosk's READY=1, %.1f s after xinit started), restarts %s"
                    % (boot_s, detail, ready_s, props.get("NRestarts")))
            return True
        self.fail("boot: picture after %.0f s but the unit is '%s' %s" % (boot_s, active.strip(), props))
        return False

    # 2 -----------------------------------------------------------------
    def step_request(self):
        d = self.drv
        t0 = time.time()
        try:
            typed, _ = d.fill_form("siti aminah", "081234567890")
            self.vm.screendump("2-review")
            m = d.send_form()
        except Stuck as e:
            self.vm.screendump("2-stuck")
            self.fail("request: %s (see 2-stuck.png)" % e)
            return False
        self.reference = m["values"].get("reference")
        time.sleep(1)
        self.vm.screendump("2-confirmation")
        self.ok("request: a touch woke the kiosk; 'siti aminah' and 081234567890 typed on the on-screen keyboard "
                "(the name field read back '%s'), topic, time and consent chosen, Kirim: reference %s on screen "
                "%.0f s after the first touch; %d touches were not taken at first and were made again"
                % (typed, self.reference, time.time() - t0, d.retries))
        try:
            d.tap_to("form.finish", "attract")
        except Stuck:
            pass
        return True

    def request_stored(self):
        status, out = self.vm.sh("runuser -u kiosk -- /opt/desa-kiosk/bin/kiosk --config /etc/desa-kiosk/kiosk.toml "
                                 "requests list --json 2>/dev/null", timeout=120)
        try:
            rows = json.loads(out) if status == 0 else []
        except ValueError:
            rows = []
        return any(r.get("reference") == self.reference and r.get("name") == "Siti Aminah" for r in rows)

    # 3 -----------------------------------------------------------------
    def recover(self, signal, old_pid, shot):
        t0 = time.time()
        self.vm.sh("kill -%s %d" % (signal, old_pid))
        end = t0 + 180
        new_pid = None
        while time.time() < end:
            pid = self.vm.kiosk_pid()
            if pid and pid != old_pid:
                new_pid = pid
                break
            time.sleep(1)
        if not new_pid:
            return None, "no new kiosk process within 180 s"
        seen, detail = self.wait_attract(120, shot)
        if not seen:
            return None, "a new kiosk (pid %d) but no attract picture: %s" % (new_pid, detail)
        return seen - t0, "pid %d -> %d" % (old_pid, new_pid)

    def step_watchdog(self):
        vm = self.vm
        pid = vm.kiosk_pid()
        if not pid:
            self.fail("watchdog: no kiosk process")
            return False
        took, detail = self.recover("STOP", pid, "3-after-stop")
        _, journal = vm.sh("journalctl -u desa-kiosk -b --no-pager | grep -i -m3 -e watchdog -e 'Scheduled restart'")
        if took is None:
            self.fail("watchdog: kill -STOP: %s; journal: %s" % (detail, journal.strip()))
            return False
        self.figures["watchdog_recovery_s"] = round(took)
        self.ok("watchdog: kill -STOP of the kiosk, picture back after %.0f s (WatchdogSec=30; %s); journal: %s"
                % (took, detail, " | ".join(line.split(": ", 1)[-1] for line in journal.strip().splitlines())))
        pid = vm.kiosk_pid()
        took, detail = self.recover("KILL", pid, "3-after-kill")
        if took is None:
            self.fail("restart: kill -KILL: %s" % detail)
            return False
        self.figures["kill_recovery_s"] = round(took)
        _, restarts = vm.sh("systemctl show desa-kiosk -p NRestarts --value")
        if not self.reference:
            self.ok("restart: kill -KILL, picture back after %.0f s (Restart=always, %s, NRestarts=%s); no request "
                    "from step 2 to look for" % (took, detail, restarts.strip()))
            return True
        stored = self.request_stored()
        if not stored:
            self.fail("restart: picture back %.0f s after kill -KILL, but request %s is not in the database"
                      % (took, self.reference))
            return False
        self.ok("restart: kill -KILL, picture back after %.0f s (Restart=always, %s, NRestarts=%s); request %s "
                "still in the database" % (took, detail, restarts.strip(), self.reference))
        return True

    # 4 -----------------------------------------------------------------
    def make_stick(self, path, label="KANTOR", mb=64):
        if os.path.exists(path):
            os.unlink(path)
        subprocess.run(["mkfs.vfat", "-C", "-n", label, path, str(mb * 1024)], check=True,
                       stdout=subprocess.DEVNULL)

    def plug(self, path, ident="stick0"):
        self.vm.qmp.cmd("blockdev-add", **{"driver": "raw", "node-name": ident + "-node",
                                            "file": {"driver": "file", "filename": path}})
        self.vm.qmp.cmd("device_add", driver="usb-storage", id=ident, drive=ident + "-node",
                        bus="xhci.0", removable=True)

    def unplug(self, ident="stick0"):
        self.vm.qmp.events.clear()
        self.vm.qmp.cmd("device_del", id=ident)
        self.vm.qmp.wait_event("DEVICE_DELETED", 30)
        self.vm.qmp.cmd("blockdev-del", **{"node-name": ident + "-node"})

    def officer(self):
        """Holds the shield corner and types the PIN on the pad: the dashboard's map."""
        d = self.drv
        if (d.refresh() or {}).get("screen") == "attract":
            d.tap_to("attract.start", "home")
        # Held as an officer holds it: until the PIN pad shows (3 s of the kiosk's time; under
        # software emulation the kiosk may take the press a second or two late).
        self.vm.rest(20, 20)
        self.vm.pointer(20, 20, True)
        try:
            d.wait_screen("officer-pin", 20)
        finally:
            self.vm.pointer(20, 20, False)
        for i, digit in enumerate(self.args.pin):
            d.tap("officer.pin." + digit, lambda m, n=i + 1: m.get("values", {}).get("pin_digits") == str(n))
        d.tap_to("officer.pin.ok", "officer-dashboard", timeout=60)
        return d.map

    def step_usb(self):
        if not self.reference:
            # Step 2 left no request: one made with the kiosk's own `requests seed`, to copy.
            _, seeded = self.vm.sh("runuser -u kiosk -- /opt/desa-kiosk/bin/kiosk --config /etc/desa-kiosk/kiosk.toml "
                                   "requests seed --count 1 2>&1 | tail -2", timeout=120)
            rows = self.stored_requests() or []
            self.reference = rows[-1]["reference"] if rows else None
            log("note: usb: no request from step 2; copying %s, made with kiosk requests seed (%s)"
                % (self.reference, seeded.strip()))
        stick = os.path.join(self.run_dir, "stick.img")
        self.make_stick(stick)
        d = self.drv
        try:
            self.officer()
            t0 = time.time()
            self.plug(stick)
            end = time.time() + 60
            usb = ""
            while time.time() < end:
                usb = (d.refresh() or {}).get("values", {}).get("usb", "")
                if "KANTOR" in usb:
                    break
                time.sleep(0.5)
            shown_s = time.time() - t0
            if "KANTOR" not in usb:
                _, mounts = self.vm.sh("grep -e /media /proc/mounts; journalctl -b --no-pager | grep -i -e udisk -e sd[a-z] | tail -8")
                self.vm.screendump("4-no-stick")
                self.fail("usb: the stick is not shown in officer mode 60 s after it was plugged in (map: '%s'); %s"
                          % (usb, mounts.strip()))
                return False
            self.vm.screendump("4-officer-stick")
            t1 = time.time()
            d.reveal("officer.export.new")
            d.tap("officer.export.new", lambda m: m.get("values", {}).get("export") in
                  ("running", "done", "failed", "nothing"))
            m = None
            end = time.time() + 180
            while time.time() < end:
                m = d.refresh()
                state = (m or {}).get("values", {}).get("export")
                if state in ("done", "failed", "nothing"):
                    break
                time.sleep(0.5)
            export_s = time.time() - t1
            values = (m or {}).get("values", {})
            self.vm.screendump("4-export-done")
            if values.get("export") != "done":
                self.fail("usb: export says '%s' '%s'" % (values.get("export"), values.get("export_message")))
                return False
            folder = values.get("export_folder", "")
        except Stuck as e:
            self.vm.screendump("4-stuck")
            self.fail("usb: %s (see 4-stuck.png)" % e)
            return False
        self.figures["stick_shown_s"] = round(shown_s, 1)
        self.figures["export_s"] = round(export_s, 1)
        # "USB boleh dicabut": what the stick holds at this moment is what an officer who pulls it
        # out now takes away. Read from a copy of the stick's image while it is still plugged in.
        held = os.path.join(self.run_dir, "stick-at-done.img")
        shutil.copyfile(stick, held)
        got = self.read_stick(held)
        if got is None:
            _, seen = self.vm.sh("grep -e /media /proc/mounts; find /media -path '*desa-kiosk*' -type f "
                                 "-exec ls -l {} +; sync")
            shutil.copyfile(stick, held)
            after_sync = self.read_stick(held, quiet=True)
            self.fail("usb: the kiosk said the stick may be pulled out, but the batch on it is not whole; after "
                      "a sync in the machine it %s; the machine saw: %s"
                      % ("is" if after_sync else "still is not", seen.strip()))
            return False
        self.unplug()
        got = self.read_stick(stick)
        if got is None:
            return False
        batch, rows = got
        if not any(r.get("reference") == self.reference for r in rows):
            self.fail("usb: the batch %s on the stick does not hold request %s" % (batch, self.reference))
            return False
        self.ok("usb: stick 'KANTOR' shown in officer mode %.1f s after it was plugged in; 'Salin ke USB' done in "
                "%.1f s (%s); pulled out, read on the host with mtools: batch %s sealed, hashes checked by "
                "kiosk decrypt, request %s in it" % (shown_s, export_s, folder, batch, self.reference))
        return True

    def read_stick(self, stick, quiet=False):
        """Copies desa-kiosk/ off the stick with mtools and opens every batch: (last batch, its rows)."""
        dest = os.path.join(self.run_dir, "stick-copy")
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        r = subprocess.run(["mcopy", "-s", "-n", "-i", stick, "::/desa-kiosk", dest],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            if not quiet:
                self.fail("usb: mcopy off the stick: %s" % r.stdout.strip())
            return None
        batches = sorted(os.path.join(root, d) for root, dirs, _ in os.walk(dest) for d in dirs
                         if os.path.exists(os.path.join(root, d, "manifest.json")))
        last, rows = None, []
        for batch in batches:
            opened = batch + ".opened"
            r = subprocess.run([self.args.host_kiosk, "decrypt", "--key", self.args.office_secret, batch,
                                "--out", opened], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            sealed = any(f.endswith(".sealed") for f in os.listdir(batch))
            if r.returncode != 0 or not sealed:
                self.fail("usb: batch %s: sealed %s, kiosk decrypt: %s" % (os.path.basename(batch), sealed,
                                                                          r.stdout.strip()))
                return None
            with open(os.path.join(opened, "requests.json")) as f:
                data = json.load(f)
            rows = data if isinstance(data, list) else data.get("requests", [])
            last = os.path.basename(batch)
        if not batches and not quiet:
            self.fail("usb: no batch on the stick (%s)" % os.listdir(dest))
            return None
        return last, rows

    # 5 -----------------------------------------------------------------
    def stored_requests(self):
        status, out = self.vm.sh("runuser -u kiosk -- /opt/desa-kiosk/bin/kiosk --config /etc/desa-kiosk/kiosk.toml "
                                 "requests list --json 2>/dev/null", timeout=120)
        if status != 0:
            return None
        try:
            return json.loads(out)
        except ValueError:
            return None

    def reboot(self, name):
        """Boots again after a power cut: (seconds to the attract picture, or None)."""
        vm = self.boot(name)
        seen, detail = self.wait_attract(600, "5-%s" % name)
        if not seen or not vm.serial.login(600):
            self.fail("power cut: no attract screen or no shell after the boot '%s' (%s)" % (name, detail))
            return None
        return seen - vm.t0

    def step_powercut(self):
        """Power cut in the middle of saving a request and of an export onto the stick, each at
        several moments; after every boot nothing acknowledged is lost, every batch on the stick
        is whole, and nothing is marked collected that is not on the stick."""
        stick = os.path.join(self.run_dir, "stick-cut.img")
        self.make_stick(stick)
        acknowledged = set(r for r in [self.reference] if r)
        rounds = []
        delays = [float(x) for x in self.args.cut_delays.split(",")]
        kinds = self.args.cut_kinds.split(",")
        plan = [(kind, dl) for kind in ("save", "export", "pack") if kind in kinds for dl in delays]
        pack_stick = os.path.join(self.run_dir, "stick-pack.img")
        self.make_pack_stick(pack_stick)
        previous = None
        for i, (kind, delay) in enumerate(plan + [("check", 0)]):
            if i > 0:
                boot_s = self.reboot("cut%d" % i)
                if boot_s is None:
                    return False
                rows = self.stored_requests()
                if rows is None:
                    self.fail("power cut %s: the database cannot be read after the boot" % previous)
                    return False
                refs = {r.get("reference") for r in rows}
                lost = acknowledged - refs
                collected = {r.get("collected_batch") for r in rows if r.get("collected_batch")}
                got = self.stick_batches(stick)
                if got is None:
                    return False
                whole, partial = got
                unbacked = collected - whole
                outcome = "%d requests stored, %d collected in %d batches; stick: %d whole batches, %d left " \
                          "unfinished (*.incomplete)" % (len(rows), sum(1 for r in rows if r.get("collected_batch")),
                                                        len(collected), len(whole), len(partial))
                if lost or unbacked:
                    self.fail("power cut %s: %s; acknowledged but lost: %s; marked collected but not on the stick: "
                              "%s" % (previous, outcome, sorted(lost), sorted(unbacked)))
                    return False
                pack = self.pack_shown()
                if pack is None:
                    return False
                outcome += "; content shown: %s" % pack
                rounds.append("%s -> boot %.0f s, %s" % (previous, boot_s, outcome))
                self.ok("power cut %s: next boot to picture %.0f s; %s; nothing acknowledged lost" %
                        (previous, boot_s, outcome))
            if kind == "check":
                break
            try:
                if kind == "save":
                    self.drv.fill_form("dewi", "08567%06d" % (i * 1000 + 17))
                    self.drv.touch_only("form.send")
                    time.sleep(delay)
                    m = self.vm.ui_map() or {}
                    ref = m.get("values", {}).get("reference") if m.get("screen") == "callback-done" else None
                    self.vm.power_cut()
                    if ref:
                        acknowledged.add(ref)
                    previous = "while saving a request, %.1f s after Kirim (%s)" % (
                        delay, "reference %s was on screen" % ref if ref else "no reference on screen yet")
                elif kind == "export":
                    # "Salin semua": every request on the kiosk, those of the rounds before included.
                    self.officer()
                    self.plug(stick)
                    end = time.time() + 60
                    while time.time() < end and "KANTOR" not in (self.drv.refresh() or {}).get("values", {}).get("usb", ""):
                        time.sleep(0.5)
                    self.drv.reveal("officer.export.all")
                    self.drv.touch_only("officer.export.all")
                    time.sleep(delay)
                    state = (self.vm.ui_map() or {}).get("values", {}).get("export")
                    self.vm.power_cut()
                    previous = "while copying onto the stick, %.1f s after Salin semua was touched (export '%s')" % (
                        delay, state)
                else:
                    self.officer()
                    self.plug(pack_stick, "pack0")
                    # The content card, below the export card, names the pack on the stick once read.
                    end = time.time() + 60
                    while time.time() < end and not (self.drv.refresh() or {}).get("values", {}).get("content_stick"):
                        time.sleep(0.5)
                    self.drv.reveal("officer.content.update")
                    self.drv.touch_only("officer.content.update")
                    time.sleep(delay)
                    state = (self.vm.ui_map() or {}).get("values", {}).get("content_update")
                    self.vm.power_cut()
                    previous = "while installing a content pack from a stick, %.1f s after Perbarui konten was touched " \
                               "(update '%s')" % (delay, state)
            except Stuck as e:
                self.vm.screendump("5-stuck")
                self.fail("power cut round %d (%s): %s (see 5-stuck.png)" % (i, kind, e))
                return False
        self.figures["power_cut_rounds"] = rounds
        return True

    NEW_TITLE = "Paket uji dari kantor"

    def make_pack_stick(self, path):
        """A stick with the office's signed content pack: the shipped content with one page's title changed."""
        self.make_stick(path, label="KONTEN")
        pack = os.path.join(self.run_dir, "desa-kiosk-konten")
        shutil.rmtree(pack, ignore_errors=True)
        data = self.args.data
        shutil.copytree(os.path.join(data, "content"), os.path.join(pack, "content"))
        shutil.copytree(os.path.join(data, "checklists"), os.path.join(pack, "checklists"))
        shutil.copy(os.path.join(data, "sources.toml"), pack)
        page = os.path.join(pack, "content", "id", "pages", "trafficking.toml")
        with open(page) as f:
            text = f.read()
        with open(page, "w") as f:
            f.write(re.sub(r'(?m)^title = .*$', 'title = "%s"' % self.NEW_TITLE, text, count=1))
        subprocess.run([self.args.host_kiosk, "content", "sign", "--key", self.args.content_secret, pack],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["mcopy", "-s", "-i", path, pack, "::/"], check=True)

    def pack_shown(self):
        """Which content the kiosk shows after a boot: 'shipped' or 'the new pack', by the title of the
        trafficking page, and `kiosk content status`."""
        d = self.drv
        try:
            d.wait_screen("attract", 60)
            d.tap_to("attract.start", "home")
            m = d.tap_to("home.tile.trafficking", "trafficking")
        except Stuck as e:
            self.fail("power cut: the content after the boot: %s" % e)
            return None
        texts = json.dumps(m, ensure_ascii=False)
        _, status = self.vm.sh("runuser -u kiosk -- /opt/desa-kiosk/bin/kiosk --config /etc/desa-kiosk/kiosk.toml "
                               "content status 2>/dev/null | head -3 | tr '\\n' ' '")
        d.tap_to("nav.home", "home")
        return "%s (content status: %s)" % ("the new pack" if self.NEW_TITLE in texts else "the one before",
                                              status.strip())

    def stick_batches(self, stick):
        """(ids of the whole batches, names of unfinished folders) on the stick; each whole one is
        opened with kiosk decrypt, which checks every hash."""
        dest = os.path.join(self.run_dir, "stick-cut-copy")
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        r = subprocess.run(["mdir", "-i", stick, "::/desa-kiosk"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        if r.returncode != 0:
            return set(), set()  # nothing copied yet
        r = subprocess.run(["mcopy", "-s", "-n", "-i", stick, "::/desa-kiosk", dest],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            self.fail("power cut: mcopy off the stick: %s" % r.stdout.strip())
            return None
        whole, partial = set(), set()
        for root, dirs, _ in os.walk(dest):
            for d in dirs:
                path = os.path.join(root, d)
                if d.endswith(".incomplete"):
                    partial.add(d)
                elif os.path.exists(os.path.join(path, "manifest.json")):
                    r = subprocess.run([self.args.host_kiosk, "decrypt", "--key", self.args.office_secret, path,
                                        "--out", path + ".opened"], stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
                    if r.returncode != 0:
                        self.fail("power cut: batch %s on the stick is not whole: %s" % (d, r.stdout.strip()))
                        return None
                    whole.add(d.rsplit("-", 1)[-1])
        return whole, partial

    # 6 -----------------------------------------------------------------
    def step_dpms(self):
        """Opening hours that leave out the present hour, one minute without a touch: dark; a touch: lit."""
        vm = self.vm
        _, hour = vm.sh("date +%H")
        h = (int(hour.strip() or 0) + 2) % 24
        status, _ = vm.sh("cp -p /etc/desa-kiosk/kiosk.toml /root/kiosk.toml.before && sed -i -e 's/^open_from = .*/open_from = \"%02d:00\"/' -e 's/^open_until = .*/open_until = "
                          "\"%02d:30\"/' -e 's/^blank_after_minutes = .*/blank_after_minutes = 1/' "
                          "/etc/desa-kiosk/kiosk.toml && systemctl restart desa-kiosk" % (h, h))
        if status != 0:
            self.fail("dpms: could not set the opening hours")
            return False
        seen, detail = self.wait_attract(180, "6-before")
        if not seen:
            self.fail("dpms: no attract screen after the restart (%s)" % detail)
            return False
        end = seen + 150
        dark_after = None
        while time.time() < end:
            w, h_, rgb = vm.screendump()
            dark, _, _ = describe(w, h_, rgb)
            if dark > 0.99:
                dark_after = time.time() - seen
                vm.screendump("6-dark")
                break
            time.sleep(5)
        _, journal = vm.sh("journalctl -u desa-kiosk -b --no-pager | grep 'outside opening hours' | tail -1")
        if dark_after is None:
            vm.screendump("6-not-dark")
            self.fail("dpms: the screen is still lit 150 s after the last touch (%s; journal: %s)"
                      % (detail, journal.strip()))
            return False
        vm.touch(W // 2, H // 2)
        t0 = time.time()
        lit = None
        while time.time() < t0 + 30:
            w, h_, rgb = vm.screendump()
            if describe(w, h_, rgb)[0] < 0.5:
                lit = time.time() - t0
                vm.screendump("6-lit")
                break
            time.sleep(1)
        if lit is None:
            self.fail("dpms: dark after %.0f s, but a touch did not light the screen" % dark_after)
            return False
        self.figures["dark_after_s"] = round(dark_after)
        vm.sh("cp -p /root/kiosk.toml.before /etc/desa-kiosk/kiosk.toml && sync && systemctl restart desa-kiosk")
        self.wait_attract(180, "6-after")
        self.ok("dpms: outside the opening hours (%02d:00-%02d:30) the screen went dark %.0f s after the last touch "
                "(blank_after_minutes = 1; checked every 5 s), a touch lit it again in %.1f s; journal: %s"
                % (h, h, dark_after, lit, journal.strip().split(": ", 1)[-1]))
        return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--disk", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--host-kiosk", required=True)
    ap.add_argument("--office-secret", required=True)
    ap.add_argument("--pin", required=True)
    ap.add_argument("--content-secret", required=True, help="the office's content signing key")
    ap.add_argument("--data", required=True, help="the shipped content, for the pack the office signs")
    ap.add_argument("--attract-reference", default="",
                    help="the host's own rendering of the attract screen (kiosk --tour), for its colours")
    ap.add_argument("--steps", default="boot,request,watchdog,usb,powercut,dpms")
    ap.add_argument("--cut-kinds", default="save,export,pack",
                    help="which power cuts: while saving a request, exporting onto a stick, installing a pack")
    ap.add_argument("--cut-delays", default="0.5,3",
                    help="seconds after Kirim or Salin ke USB at which the power is cut, each a round")
    args = ap.parse_args()
    args.attract_colour = ""
    if args.attract_reference:
        args.attract_colour = describe(*read_png(args.attract_reference))[2]
    steps = args.steps.split(",")
    test = Test(args)
    t0 = time.time()
    try:
        if test.step_boot():
            # dpms before the power cuts: it needs the boot that the cuts end.
            for name in ("request", "watchdog", "usb", "dpms", "powercut"):
                if name in steps:
                    getattr(test, "step_" + name)()
    finally:
        if test.vm:
            test.vm.stop()
    test.figures["guest_reads"] = {k: "%d in %.0f s" % v for k, v in READS.items()}
    log("figures: " + json.dumps(test.figures))
    log("appliance: %d failed, %.0f s in all" % (test.failures, time.time() - t0))
    return 1 if test.failures else 0


if __name__ == "__main__":
    sys.exit(main())
