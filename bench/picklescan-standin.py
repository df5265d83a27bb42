"""The bench's peer: picklescan's method (picklescan 0.0.x scanner.py) with the standard library only.

picklescan itself is not installable here (no PyPI; Debian has no package), so this reproduces what it does per
file: choose by extension, open zips with zipfile and scan members with pickle extensions (torch's data.pkl), and
list globals with pickletools.genops over the whole stream (all opcodes materialised, as picklescan does),
resolving STACK_GLOBAL through the preceding string or memo opcodes, then match them against its unsafe list.
Usage: python3 picklescan-standin.py PATH  (a file or a directory, walked like picklescan's scan_directory_path)
"""

import os
import pickletools
import sys
import zipfile

PICKLE_EXT = {".pkl", ".pickle", ".joblib", ".dat", ".data"}
ZIP_EXT = {".zip", ".npz", ".7z"}
PYTORCH_EXT = {".bin", ".pt", ".pth", ".ckpt"}
NUMPY_EXT = {".npy"}
UNSAFE = {
    "__builtin__": {"eval", "compile", "getattr", "apply", "exec", "open", "breakpoint", "__import__"},
    "builtins": {"eval", "compile", "getattr", "apply", "exec", "open", "breakpoint", "__import__"},
    "webbrowser": "*", "httplib": "*", "requests.api": "*", "aiohttp.client": "*", "os": "*", "nt": "*",
    "posix": "*", "socket": "*", "subprocess": "*", "sys": "*", "shutil": "*", "runpy": "*",
    "operator": {"attrgetter"}, "pickle": "*", "_pickle": "*", "bdb": "*", "pdb": "*", "asyncio": "*",
    "pydoc": "*", "venv": "*", "torch.serialization": {"load"}, "functools": {"partial"}, "ssl": "*",
    "pip": "*", "code": "*", "importlib": "*",
}
STRINGS = {"SHORT_BINUNICODE", "UNICODE", "BINUNICODE", "BINUNICODE8"}
MEMO_PUT = {"MEMOIZE", "PUT", "BINPUT", "LONG_BINPUT"}
MEMO_GET = {"GET", "BINGET", "LONG_BINGET"}


def list_globals(data, multiple=True):
    found = set()
    memo = {}
    last = b"dummy"
    while last != b"":
        ops = []
        try:
            for op in pickletools.genops(data):
                ops.append(op)
        except Exception:
            # picklescan records the parse error and still judges the opcodes read before it.
            last = b""
        else:
            last = data.read(1)
            if last:
                data.seek(-1, 1)
        for n, (op, arg, _) in enumerate(ops):
            name = op.name
            if name == "MEMOIZE" and n > 0:
                memo[len(memo)] = ops[n - 1][1]
            elif name in ("PUT", "BINPUT", "LONG_BINPUT") and n > 0:
                memo[arg] = ops[n - 1][1]
            elif name in ("GLOBAL", "INST"):
                found.add(tuple(arg.split(" ", 1)))
            elif name == "STACK_GLOBAL":
                values = []
                for back in range(1, n):
                    prev = ops[n - back]
                    if prev[0].name in MEMO_PUT:
                        continue
                    if prev[0].name in MEMO_GET:
                        values.append(memo.get(int(prev[1]), "unknown"))
                    elif prev[0].name not in STRINGS:
                        values.append("unknown")
                    else:
                        values.append(prev[1])
                    if len(values) == 2:
                        break
                if len(values) == 2:
                    found.add((values[1], values[0]))
        if not multiple:
            break
    return found


def dangerous(globals_):
    out = 0
    for module, name in globals_:
        rule = UNSAFE.get(module)
        if rule == "*" or (rule is not None and name in rule):
            out += 1
    return out


def scan_zip(path):
    hits = 0
    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            if os.path.splitext(member)[1] in PICKLE_EXT:
                with z.open(member) as f:
                    hits += dangerous(list_globals(f))
    return hits


def scan_file(path):
    ext = os.path.splitext(path)[1]
    try:
        if ext in NUMPY_EXT:
            with open(path, "rb") as f:
                if f.read(6) != b"\x93NUMPY":
                    return 0
                f.seek(0)
                import numpy.lib.format as fmt  # picklescan uses numpy's header reader too

                version = fmt.read_magic(f)
                _, _, dtype = fmt._read_array_header(f, version)
                return dangerous(list_globals(f)) if dtype.hasobject else 0
        if ext in PYTORCH_EXT or ext in ZIP_EXT:
            if zipfile.is_zipfile(path):
                return scan_zip(path)
            if ext in ZIP_EXT:
                return 0
            with open(path, "rb") as f:
                return dangerous(list_globals(f, multiple=False))
        with open(path, "rb") as f:
            return dangerous(list_globals(f))
    except Exception:
        return 0


def main(target):
    files = hits = 0
    if os.path.isdir(target):
        for base, _, names in os.walk(target):
            for name in names:
                path = os.path.join(base, name)
                ext = os.path.splitext(name)[1]
                if ext in PICKLE_EXT or ext in ZIP_EXT or ext in PYTORCH_EXT or ext in NUMPY_EXT:
                    files += 1
                    hits += scan_file(path)
    else:
        files = 1
        hits = scan_file(target)
    print(f"scanned files: {files}, dangerous globals: {hits}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
