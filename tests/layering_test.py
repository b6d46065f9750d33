#!/usr/bin/env python3
# Which layer of the kiosk may open which headers, checked on the headers the compiler really opened.
"""Usage: layering_test.py KIOSK_SOURCE_DIR BUILD_DIR

Reads `ninja -t deps` of a Ninja build (every object with every file the compiler opened for it, as
-MD wrote them), maps each object of the kiosk to the layer folder of its source, and each opened
file, by its real path, to a kiosk layer or to an external library. A layer may open its own files,
those of the layers its arrows reach (transitively) and the external libraries listed for it, plus
the C and C++ standard libraries and POSIX. Anything else fails, and so does a file that no rule
maps, a build without dependency information or older than its sources, a layer without objects
and a folder of kiosk/ that no rule names. The office program's objects (office/, beside kiosk/)
are one more layer, "office", whose arrows reach core and export. The tests' own objects are not
checked.
"""

import functools
import os
import re
import subprocess
import sys

# Layer -> (layers its arrows point to, external libraries it may open). "main" is kiosk/main.cpp.
RULES = {
    "core": ((), {"toml++", "nlohmann json", "qrencode", "libcsv"}),
    "store": (("core",), {"SQLite", "libsodium"}),
    "export": (("store", "core"), {"libsodium", "nlohmann json"}),
    "packs": (("export", "core"), {"libsodium"}),
    "ui": (("core",), {"ImGui"}),
    "platform": (("core",), {"ImGui", "SFML", "OpenGL", "X11", "OpenAL", "eSpeak NG", "fontconfig"}),
    "services": (("core", "store", "export", "packs", "platform"), set()),
    "cli": (("core", "store", "export", "packs"), {"CLI11", "nlohmann json", "libsodium"}),
    "shell": (("core", "store", "export", "packs", "ui", "platform", "services"), {"ImGui", "systemd"}),
    # main.cpp opens ui/theme.hpp, which opens imgui.h.
    "main": (("core", "store", "export", "packs", "ui", "platform", "services", "cli", "shell"),
             {"CLI11", "ImGui"}),
}
# The office program (office/, beside kiosk/): one layer whose arrows reach core and export (and,
# through export, store), as docs/GUIDE.md draws it, with the office's own store libraries.
# The web desk adds cpp-httplib (whose Debian build brings OpenSSL, zlib and Brotli headers along),
# ctemplate and libsodium (session ids, token comparison).
RULES["office"] = (("core", "export"), {"SQLite", "libpqxx", "libpq", "toml++", "nlohmann json", "CLI11",
                                         "cpp-httplib", "OpenSSL", "zlib", "Brotli", "ctemplate", "libsodium"})
OFFICE_LAYER = "office"
# The CMake target each layer's objects belong to.
TARGETS = {layer: "kiosk" if layer == "main" else f"kiosk_{layer}" for layer in RULES if layer != OFFICE_LAYER}

# External libraries by where their headers live under an include root (/usr/include, /usr/local/include,
# with or without the multiarch folder): a folder, or a file at the top.
LIBRARY_FOLDERS = {
    "imgui": "ImGui", "SFML": "SFML", "GL": "OpenGL", "KHR": "OpenGL", "X11": "X11", "AL": "OpenAL",
    "espeak-ng": "eSpeak NG", "espeak": "eSpeak NG", "fontconfig": "fontconfig", "systemd": "systemd",
    "CLI": "CLI11", "toml++": "toml++", "nlohmann": "nlohmann json", "sodium": "libsodium",
    "freetype2": "FreeType", "stb": "stb", "pqxx": "libpqxx", "postgresql": "libpq",
    "ctemplate": "ctemplate", "openssl": "OpenSSL", "brotli": "Brotli",
}
LIBRARY_FILES = {
    "sqlite3.h": "SQLite", "sqlite3ext.h": "SQLite", "sodium.h": "libsodium", "qrencode.h": "qrencode", "csv.h": "libcsv",
    "ft2build.h": "FreeType", "httplib.h": "cpp-httplib", "zlib.h": "zlib", "zconf.h": "zlib",
}
# The C library, POSIX and the kernel's user headers (glibc's and linux-libc-dev's files on Debian 12).
SYSTEM_FOLDERS = {
    "sys", "bits", "gnu", "asm", "asm-generic", "linux", "arpa", "net", "netinet", "netpacket", "netash",
    "netatalk", "netax25", "neteconet", "netipx", "netiucv", "netrom", "netrose", "nfs", "protocols", "rpc",
    "scsi", "finclude", "misc", "mtd", "rdma", "sound", "video", "xen",
}
SYSTEM_FILES = set("""
    a.out.h aio.h aliases.h alloca.h ar.h argp.h argz.h assert.h byteswap.h complex.h cpio.h ctype.h
    dirent.h dlfcn.h elf.h endian.h envz.h err.h errno.h error.h execinfo.h fcntl.h features-time64.h
    features.h fenv.h fmtmsg.h fnmatch.h fpu_control.h fstab.h fts.h ftw.h gconv.h getopt.h glob.h
    gnu-versions.h grp.h gshadow.h iconv.h ieee754.h ifaddrs.h inttypes.h langinfo.h lastlog.h libgen.h
    libintl.h limits.h link.h locale.h malloc.h math.h mcheck.h memory.h mntent.h monetary.h mqueue.h
    netdb.h nl_types.h nss.h obstack.h paths.h poll.h printf.h proc_service.h pthread.h pty.h pwd.h
    re_comp.h regex.h regexp.h resolv.h sched.h search.h semaphore.h setjmp.h sgtty.h shadow.h signal.h
    spawn.h stab.h stdc-predef.h stdint.h stdio.h stdio_ext.h stdlib.h string.h strings.h syscall.h
    sysexits.h syslog.h tar.h termio.h termios.h tgmath.h thread_db.h threads.h time.h ttyent.h uchar.h
    ucontext.h ulimit.h unistd.h utime.h utmp.h utmpx.h values.h wait.h wchar.h wctype.h wordexp.h
""".split())
INCLUDE_ROOTS = ("/usr/include/", "/usr/local/include/")
MULTIARCH = re.compile(r"^[a-z0-9_]+-[a-z0-9_]+-[a-z0-9_]+$")  # x86_64-linux-gnu, aarch64-linux-gnu
# The compiler's own headers (stddef.h, stdarg.h, the intrinsics) of GCC and Clang.
COMPILER_HEADERS = re.compile(
    r"^/usr/lib/(gcc/[^/]+/[^/]+/include(-fixed)?|llvm-[^/]+/lib/clang/[^/]+/include)/")
SOURCES = (".cpp", ".cc", ".cxx", ".c")
CODE = SOURCES + (".hpp", ".hh", ".hxx", ".h", ".inl", ".ipp")
TARGET_OF_OBJECT = re.compile(r"^kiosk/CMakeFiles/([^/]+)\.dir/")


@functools.cache
def real_path(build, path):
    """A path of the deps (absolute, or relative to the build folder) with every link resolved."""
    return os.path.realpath(os.path.join(build, path))


@functools.cache
def mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def changed_since_built(obj, files, build):
    """Why an object is older than what it was compiled from, or None: the check would read old news."""
    built = mtime(os.path.join(build, obj))
    if built is None:
        return "the object file is gone"
    for f in files:
        opened = mtime(real_path(build, f))
        if opened is None:
            return f"{f} is gone"
        if opened > built:
            return f"{f} changed since it was compiled"
    return None


def reachable(layer):
    """The layers whose files `layer` may open: itself and every layer its arrows reach."""
    seen, todo = {layer}, list(RULES[layer][0])
    while todo:
        other = todo.pop()
        if other not in seen:
            seen.add(other)
            todo.extend(RULES[other][0])
    return seen


def office_of(kiosk):
    """office/, beside kiosk/."""
    return os.path.join(os.path.dirname(kiosk), "office")


def layer_of(path, kiosk):
    """The layer of a file under kiosk/ (or "office" for one under office/), or None."""
    office = office_of(kiosk)
    if path.startswith(office + os.sep):
        return OFFICE_LAYER
    rel = os.path.relpath(path, kiosk).split(os.sep)
    if rel == ["main.cpp"]:
        return "main"
    if len(rel) > 1 and rel[0] in RULES and rel[0] != "main":
        return rel[0]
    return None


def classify(path, kiosk):
    """('layer', name), ('library', name), ('system', None) or ('unmapped', why) for a real path."""
    if path == kiosk or path.startswith(kiosk + os.sep) or path.startswith(office_of(kiosk) + os.sep):
        layer = layer_of(path, kiosk)
        return ("layer", layer) if layer else ("unmapped", "a file of kiosk/ in no layer folder")
    if COMPILER_HEADERS.match(path):
        return ("system", None)
    root = next((r for r in INCLUDE_ROOTS if path.startswith(r)), None)
    if root is None:
        return ("unmapped", "outside kiosk/ and the system's include folders")
    parts = path[len(root):].split("/")
    if len(parts) > 1 and MULTIARCH.match(parts[0]):
        parts = parts[1:]
    if parts[0] == "c++":
        return ("system", None)
    if len(parts) > 1 and parts[0] in LIBRARY_FOLDERS:
        return ("library", LIBRARY_FOLDERS[parts[0]])
    if len(parts) == 1 and parts[0] in LIBRARY_FILES:
        return ("library", LIBRARY_FILES[parts[0]])
    if (len(parts) > 1 and parts[0] in SYSTEM_FOLDERS) or (len(parts) == 1 and parts[0] in SYSTEM_FILES):
        return ("system", None)
    return ("unmapped", "a system header of no library this check knows")


def cache_value(build, key):
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as cache:
            for line in cache:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def ninja(build, *tool):
    program = cache_value(build, "CMAKE_MAKE_PROGRAM") or "ninja"
    run = subprocess.run([program, "-C", build, "-t", *tool], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"`{program} -C {build} -t {' '.join(tool)}` failed: {run.stderr.strip()}")
    return run.stdout


def read_deps(build):
    """{object: (state, [opened files])} from `ninja -t deps`, paths as the compiler wrote them."""
    deps, current = {}, None
    for line in ninja(build, "deps").splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            match = re.match(r"^(.*): #deps \d+, deps mtime \d+ \((\w+)\)$", line)
            if not match:
                raise RuntimeError(f"unexpected line from ninja -t deps: {line}")
            current = match.group(1)
            deps[current] = (match.group(2), [])
        else:
            deps[current][1].append(line.strip())
    return deps


def graph_objects(build):
    """Every object file the build graph compiles, as `ninja -t targets all` names it."""
    names = (line.rsplit(": ", 1)[0] for line in ninja(build, "targets", "all").splitlines())
    return {name for name in names if name.endswith((".o", ".obj"))}


def check_tree(kiosk):
    """Problems with the layer folders themselves: a rule's folder missing, a folder no rule names."""
    if not os.path.isdir(kiosk):
        return [f"{kiosk}: no such folder"]
    problems = []
    for layer in RULES:
        if layer == OFFICE_LAYER:
            continue
        wanted = os.path.join(kiosk, "main.cpp" if layer == "main" else layer)
        if not os.path.exists(wanted):
            problems.append(f"{wanted}: the rules name layer '{layer}', but it does not exist")
    for name in sorted(os.listdir(kiosk)):
        path = os.path.join(kiosk, name)
        if name.startswith("."):
            continue  # a file opened from there is still unmapped below
        if os.path.isdir(path) and (name not in RULES or name in ("main", OFFICE_LAYER)):
            problems.append(f"{path}/: a folder of kiosk/ that no layering rule maps")
        elif os.path.isfile(path) and name.endswith(CODE) and name != "main.cpp":
            problems.append(f"{path}: a source at the top of kiosk/ that no layering rule maps")
    return problems


def check_object(obj, files, build, kiosk):
    """The problems of one object: the layer of its source, and every file it opened against its rules."""
    real = [real_path(build, f) for f in files]
    source = real[0] if real and real[0].endswith(SOURCES) else None
    if source is None:
        return [f"{obj}: its dependencies do not start with a source file"]
    inside = source.startswith(kiosk + os.sep) or source.startswith(office_of(kiosk) + os.sep)
    layer = layer_of(source, kiosk) if inside else None
    # A source office/CMakeLists.txt generates into the build (the desk's embedded templates) is office's.
    if layer is None and source.startswith(os.path.join(os.path.realpath(build), "office") + os.sep):
        layer = OFFICE_LAYER
    if layer is None:
        return [f"{obj}: compiled from {source}, which no layering rule maps"]
    problems = []
    target = TARGET_OF_OBJECT.match(obj)
    if target and layer != OFFICE_LAYER and target.group(1) != TARGETS[layer]:
        problems.append(f"{obj}: a {layer} source in target {target.group(1)}, not in {TARGETS[layer]}")
    layers, libraries = reachable(layer), RULES[layer][1]
    reported = {}  # one line per layer or library not allowed, naming the first header of it opened
    for header in real[1:]:
        kind, name = classify(header, kiosk)
        if kind == "system" or name in {"layer": layers, "library": libraries}.get(kind, ()):
            continue
        if kind == "layer":
            rule = f"{layer} may open the layers {', '.join(sorted(layers))}; not {name}"
        elif kind == "library":
            rule = f"{layer} may open the libraries {', '.join(sorted(libraries)) or '(none)'}; not {name}"
        else:
            rule, name = f"no layering rule maps it: {name}", header
        if name in reported:
            reported[name][1] += 1
        else:
            reported[name] = [f"{obj}: opened {header}: {rule}", 0]
    for line, more in reported.values():
        problems.append(line + (f" (and {more} more of its headers)" if more else ""))
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    kiosk, build = os.path.realpath(argv[1]), os.path.realpath(argv[2])
    passed, failures = 0, []  # a failure is a list of lines: one object, or one problem of the build

    failures += [[problem] for problem in check_tree(kiosk)]
    generator = cache_value(build, "CMAKE_GENERATOR")
    if generator != "Ninja":
        why = f"built with {generator}" if generator else "no CMakeCache.txt: not a configured build"
        return report(passed, failures + [[f"{build}: {why}; this check reads the deps of a Ninja build"]])
    try:
        deps, graph = read_deps(build), graph_objects(build)
    except (RuntimeError, OSError) as error:
        return report(passed, failures + [[str(error)]])

    # The kiosk's objects: those of its targets, and any other compiled from a file of kiosk/.
    def from_kiosk(obj):
        first = deps[obj][1][:1] if obj in deps else []
        return any(real_path(build, f).startswith((kiosk + os.sep, office_of(kiosk) + os.sep)) for f in first)

    objects = sorted(o for o in graph if o.startswith(("kiosk/CMakeFiles/", "office/CMakeFiles/")) or from_kiosk(o))
    if not any(o.startswith("office/CMakeFiles/") for o in objects):
        failures.append(["the build has no objects of office/, so none was checked"])
    targets = {m.group(1) for m in map(TARGET_OF_OBJECT.match, objects) if m}
    for layer, target in TARGETS.items():
        if target not in targets:
            failures.append([f"layer '{layer}': the build has no objects of {target}, so none was checked"])
    built = [o for o in objects if o in deps]
    if objects and not built:
        return report(passed, failures + [[f"{build}: no dependency information for any of the kiosk's "
                                           f"{len(objects)} objects: build first (cmake --build {build})"]])
    for obj in objects:
        if obj not in deps:
            failures.append([f"{obj}: no dependency information: build first (cmake --build {build})"])
        elif deps[obj][0] != "VALID":
            failures.append([f"{obj}: its dependency information is {deps[obj][0]}: build again"])
        elif why := changed_since_built(obj, deps[obj][1], build):
            failures.append([f"{obj}: out of date ({why}): build again (cmake --build {build})"])
        else:
            broken = check_object(obj, deps[obj][1], build, kiosk)
            if broken:
                failures.append(broken)
            else:
                passed += 1
    return report(passed, failures)


def report(passed, failures):
    for lines in failures:
        for line in lines:
            print(line)
    print(f"layering: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
