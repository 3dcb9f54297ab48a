#!/usr/bin/env python3
"""Mutation + differential campaign for `kehoach lint`.

usage: scripts/mutate.py OUTDIR N SEED [--nodiff]

(The reliability report's mutation driver, ../shared/repro/reliability/fuzz.py, kept here
so the campaign can be rerun: scripts/mutate.sh sets KEHOACH, SEEDS and MINI.)

For each case: pick a seed plan, apply 1-4 random mutations, lint it with
`--format json` (timeout 10 s).  Record crashes (rc not in 0,1,2 or "panicked"
in stderr), hangs (timeout), invalid JSON / contract breaks.  Then, unless the
text already has a directive / document marker / BOM, lint
F2 = "%YAML 1.2\\n---\\n" + F (forces serde-saphyr) and compare diagnostics with
lines shifted by 2.
"""
import json, os, random, re, subprocess, sys, time, hashlib

K = os.environ.get("KEHOACH", "target/release/kehoach")
SEEDS = os.environ["SEEDS"]
MINI = os.environ["MINI"]

out_dir, N, rseed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
nodiff = "--nodiff" in sys.argv
os.makedirs(out_dir, exist_ok=True)
rng = random.Random(rseed)

seed_files = sorted(os.listdir(SEEDS))
seed_text = {f: open(os.path.join(SEEDS, f), "rb").read() for f in seed_files}
# weight: small fixtures more often (fast); the five real plans 20 % of the time
big = [f for f in seed_files if len(seed_text[f]) > 50000]
small = [f for f in seed_files if f not in big]

WEIRD_SCALARS = [
    "1e400", "-1e400", "1e308", "99999999999999999999", "123456789012345678901234567890123",
    "-0", "+5", "0x1F", "0o17", "1_000", ".inf", "-.inf", ".nan", "NaN", "nan", "inf",
    "Infinity", "-5", "-10.5", "0", "00", "012", "1.", ".5", "1e3", "yes", "no", "on", "off",
    "y", "n", "True", "FALSE", "null", "~", "Null", "''", '""', '" "', "2023-02-30",
    "2023-13-01", "0000-00-00", "9999-12-31", "2023-2-3", "2023-10-23T10:00:00Z",
    '"2023-02-30"', '"2023-02-29"', '"2024-02-29"', '"31/02/2023"', "!!str 5", "!!int x",
    "!!float 1", "!!null", "!!binary aGVsbG8=", "!custom x", "!!timestamp 2023-01-01",
    "&a x", "*a", "*undefined", "[]", "{}", "[a, b]", "{a: b}", "[[[]]]", "|", ">",
    '"\\ud800"', '"\\udfff"', '"\\ud83d\\ude00"', '"\\U0010FFFF"', '"\\x00"', '"\\0"',
    '"\\u0000"', '"\\e\\a\\b"', "'it''s'", '"a\\"b"', '"\\q"', "😀", "\u200b", "\u202e",
    "\u0085", "\u2028", "-", "--", "---", "...", "?", ":", "%x", "@x", "`x`", "#x",
    "a #b", "a: b", "a:b", "Quý IV/2023", "Quý V/2023", "Quý IV/99999999999999999999",
    "trước ngày 31/02/2023", "trước ngày 00/00/0000", "Tháng 13/2023", "Tháng 0/2023",
    "Năm 2023-2025", "Năm 2025-2023", "Hằng năm", "Thường xuyên", "Đã hoàn thành",
    "Quý I-IV/2023", "6 tháng đầu năm 2023", "31/12/2023", "32/12/2023",
    "Sở TT&TT", "Sở TTTT", "UBND", "Các sở, ban, ngành tỉnh", "1.1.1.1.1", "99.99",
    "6.12", "1.10", "A", '"5 31"', '"226.420"', '"468,9"', '"1.2.3,4"', '"-"', '","',
    '"1e999"', '"NaN"', '"inf"', "x" * 5000, "\t", "a\tb",
]

HOSTILE_WORDS = ['#read("/etc/passwd")', '#include "x.typ"', "$x$", "*a*", "_b_", "@ref",
                 "<lbl>", "]", "\\\\", "// c", "<b>h</b>", "\u200b\u200d", "\u202e", "😀"]


def lines_of(t):
    return t.split("\n")


def pick_line(ls):
    return rng.randrange(len(ls)) if ls else 0


def indent_of(l):
    return len(l) - len(l.lstrip(" "))


KV = re.compile(r"^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_]*):( .*)?$")


def kv_lines(ls):
    return [i for i, l in enumerate(ls) if KV.match(l)]


def m_byte_flip(b):
    b = bytearray(b)
    for _ in range(rng.randint(1, 8)):
        if not b:
            break
        i = rng.randrange(len(b))
        r = rng.random()
        if r < 0.4:
            b[i] ^= 1 << rng.randrange(8)
        elif r < 0.7:
            b[i] = rng.choice(b":-[]{}#&*!|>'\"%@`,? \t\n\r\x00\xff\xc3")
        else:
            b[i] = rng.randrange(256)
    return bytes(b)


def m_truncate(b):
    return b[: rng.randrange(len(b) + 1)]


def m_splice(t):
    other = seed_text[rng.choice(small)].decode("utf-8", "replace").split("\n")
    ls = lines_of(t)
    i = pick_line(ls)
    j = rng.randrange(len(other))
    k = min(len(other), j + rng.randint(1, 10))
    return "\n".join(ls[:i] + other[j:k] + ls[i:])


def m_line_delete(t):
    ls = lines_of(t)
    i = pick_line(ls)
    n = rng.choice([1, 1, 1, 2, 3, 10])
    del ls[i:i + n]
    return "\n".join(ls)


def m_line_dup(t):
    ls = lines_of(t)
    i = pick_line(ls)
    n = rng.choice([1, 1, 2, 5])
    ls[i:i] = ls[i:i + n]
    return "\n".join(ls)


def m_line_swap(t):
    ls = lines_of(t)
    if len(ls) < 2:
        return t
    i, j = pick_line(ls), pick_line(ls)
    ls[i], ls[j] = ls[j], ls[i]
    return "\n".join(ls)


def m_indent(t):
    ls = lines_of(t)
    i = pick_line(ls)
    n = rng.choice([1, 1, 1, 3, 8])
    d = rng.choice([-4, -2, -1, 1, 2, 4])
    for k in range(i, min(len(ls), i + n)):
        if d > 0:
            ls[k] = " " * d + ls[k]
        else:
            ls[k] = ls[k][min(-d, indent_of(ls[k])):]
    return "\n".join(ls)


def m_scalar_shape(t):
    """swap a scalar value for a list / map / block list / block map / empty, or back."""
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    pre, key, val = m.group(1), m.group(2), (m.group(3) or "").strip()
    ind = " " * (len(pre) + 2)
    r = rng.randrange(9)
    if r == 0:
        ls[i] = f"{pre}{key}: [{val or 'x'}]"
    elif r == 1:
        ls[i] = f"{pre}{key}: {{x: {val or 'y'}}}"
    elif r == 2:
        ls[i] = f"{pre}{key}:"
        ls.insert(i + 1, f"{ind}- {val or 'x'}")
    elif r == 3:
        ls[i] = f"{pre}{key}:"
        ls.insert(i + 1, f"{ind}a: {val or 'x'}")
    elif r == 4:
        ls[i] = f"{pre}{key}:"
    elif r == 5:
        ls[i] = f"{pre}{key}: {rng.choice(WEIRD_SCALARS)}"
    elif r == 6:
        # list/map value -> scalar
        if val.startswith("[") or val.startswith("{"):
            ls[i] = f"{pre}{key}: {val.strip('[]{}')}"
        else:
            ls[i] = f"{pre}{key}: [{val}, {val}]"
    elif r == 7:
        q = val.replace("\\", "\\\\").replace('"', '\\"')
        ls[i] = f'{pre}{key}: "{q}"'
    else:
        ls[i] = f"{pre}{key}: '{val}'"
    return "\n".join(ls)


def m_weird_value(t):
    ls = lines_of(t)
    kvs = [i for i in kv_lines(ls) if (KV.match(ls[i]).group(3) or "").strip()]
    if not kvs:
        return t
    for _ in range(rng.randint(1, 3)):
        i = rng.choice(kvs)
        m = KV.match(ls[i])
        ls[i] = f"{m.group(1)}{m.group(2)}: {rng.choice(WEIRD_SCALARS)}"
    return "\n".join(ls)


def m_numbers(t):
    """replace numbers with huge / negative / non-finite ones."""
    nums = list(re.finditer(r"(?<=: )-?\d+(\.\d+)?(?=\s*(#|$|,|\}|\]))", t, re.M))
    if not nums:
        return t
    m = rng.choice(nums)
    rep = rng.choice(["-5", "-1000", "1e400", "-1e400", "1e308", "9" * 25, "9" * 40, ".nan",
                      ".inf", "-.inf", "nan", "inf", "0", "-0", "1e-400", "4.9e-324",
                      "18446744073709551616", "9223372036854775808", "-9223372036854775809",
                      "1.7976931348623157e308", "0.1e1", "1_0", "0x10", "010"])
    return t[: m.start()] + rep + t[m.end():]


def m_dates(t):
    ds = list(re.finditer(r"\d{4}-\d{2}-\d{2}", t))
    if not ds:
        return t
    m = rng.choice(ds)
    rep = rng.choice(["2023-02-30", "2023-02-29", "2024-02-29", "2023-13-01", "2023-00-10",
                      "0000-00-00", "9999-12-31", "10000-01-01", "2023-2-3",
                      "2023-10-23T10:00:00Z", "2023-10-23 10:00", "-2023-10-23", "2023-10-32"])
    return t[: m.start()] + rep + t[m.end():]


def m_anchor_alias(t):
    ls = lines_of(t)
    kvs = [i for i in kv_lines(ls) if (KV.match(ls[i]).group(3) or "").strip()]
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    name = rng.choice(["a", "x1", "b"])
    ls[i] = f"{m.group(1)}{m.group(2)}: &{name} {m.group(3).strip()}"
    r = rng.random()
    if r < 0.7 and len(kvs) > 1:
        j = rng.choice(kvs)
        m2 = KV.match(ls[j])
        if m2:
            ls[j] = f"{m2.group(1)}{m2.group(2)}: *{name if rng.random() < .8 else 'nope'}"
    elif r < 0.85:
        # alias before anchor
        j = rng.choice(kvs)
        m2 = KV.match(ls[j])
        if m2:
            ls[j] = f"{m2.group(1)}{m2.group(2)}: *{name}"
    else:
        # merge key
        ls.insert(i + 1, f"{' ' * (len(m.group(1)))}<<: *{name}")
    return "\n".join(ls)


def m_tag(t):
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    tag = rng.choice(["!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq",
                      "!custom", "!<tag:yaml.org,2002:str>", "!!binary", "!!set", "!!omap",
                      "!!timestamp", "!", "!!"])
    ls[i] = f"{m.group(1)}{m.group(2)}: {tag} {(m.group(3) or '').strip()}"
    return "\n".join(ls)


def m_document(t):
    r = rng.randrange(8)
    ls = lines_of(t)
    if r == 0:
        return "---\n" + t
    if r == 1:
        i = pick_line(ls)
        ls.insert(i, "---")
        return "\n".join(ls)
    if r == 2:
        return t + "\n---\n" + t
    if r == 3:
        return "%YAML 1.1\n---\n" + t
    if r == 4:
        return "%TAG ! tag:x,2024:\n---\n" + t
    if r == 5:
        return t + "\n...\n"
    if r == 6:
        i = pick_line(ls)
        ls.insert(i, "...")
        return "\n".join(ls)
    return "%YAML 2.0\n---\n" + t


def m_comment(t):
    ls = lines_of(t)
    i = pick_line(ls)
    r = rng.randrange(7)
    if r == 0:
        ls.insert(i, " " * rng.randrange(8) + "# comment")
    elif r == 1 and ls:
        ls[i] = ls[i] + " # trailing"
    elif r == 2 and ls:
        ls[i] = ls[i] + "#nospace"
    elif r == 3:
        ls.insert(i, " " * indent_of(ls[i] if ls else "") + "# kehoach: allow KH201 -- reason")
    elif r == 4 and ls:
        ls[i] = ls[i] + " # kehoach: allow " + rng.choice(["KH201", "KH999", "", "KH3", "x"])
    elif r == 5:
        ls.insert(i, "#")
    else:
        ls.insert(i, "\t# tab comment")
    return "\n".join(ls)


def m_flow(t):
    """convert a block list into a flow list (possibly multi-line), or nest flows."""
    ls = lines_of(t)
    starts = [i for i in range(len(ls) - 1)
              if ls[i].rstrip().endswith(":") and ls[i + 1].lstrip().startswith("- ")
              and ":" not in ls[i + 1].lstrip()[2:]]
    if starts:
        i = rng.choice(starts)
        ind = indent_of(ls[i + 1])
        j = i + 1
        items = []
        while j < len(ls) and indent_of(ls[j]) == ind and ls[j].lstrip().startswith("- "):
            items.append(ls[j].strip()[2:])
            j += 1
        r = rng.randrange(4)
        if r == 0:
            body = "[" + ", ".join(items) + "]"
            ls[i:j] = [ls[i].rstrip() + " " + body]
        elif r == 1:
            ls[i:j] = [ls[i].rstrip() + " [" + items[0] + ","] + \
                [" " * rng.choice([0, 1, ind, ind + 2]) + x + "," for x in items[1:]] + \
                [" " * rng.choice([0, ind]) + "]"]
        elif r == 2:
            ls[i:j] = [ls[i].rstrip() + " [" + ", ".join("[" + x + "]" for x in items) + "]"]
        else:
            ls[i:j] = [ls[i].rstrip() + " {" + ", ".join(f"k{n}: {x}" for n, x in enumerate(items)) + "}"]
        return "\n".join(ls)
    return m_scalar_shape(t)


def m_multiline(t):
    ls = lines_of(t)
    kvs = [i for i in kv_lines(ls) if (KV.match(ls[i]).group(3) or "").strip()]
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    pre, key, val = m.group(1), m.group(2), m.group(3).strip().strip('"')
    ind = " " * (len(pre) + rng.choice([0, 1, 2, 2, 2, 4]))
    words = val.split(" ") or ["x"]
    half = max(1, len(words) // 2)
    a, b = " ".join(words[:half]), " ".join(words[half:]) or "y"
    r = rng.randrange(9)
    hdr = ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|-9"][r]
    if rng.random() < 0.3:
        # multi-line plain / quoted
        q = rng.choice(["", '"', "'"])
        ls[i:i + 1] = [f"{pre}{key}: {q}{a}", f"{ind}{b}{q}"]
    else:
        body = [f"{ind}{a}", "" if rng.random() < .5 else ind, f"{ind}{b}"]
        if rng.random() < .2:
            body.append(ind + "   more indented")
        if rng.random() < .2:
            body.append("")
            body.append("")
        ls[i:i + 1] = [f"{pre}{key}: {hdr}"] + body
    return "\n".join(ls)


def m_tabs(t):
    ls = lines_of(t)
    i = pick_line(ls)
    if not ls:
        return t
    r = rng.randrange(4)
    if r == 0:
        ls[i] = ls[i].replace("  ", "\t", 1)
    elif r == 1:
        ls[i] = ls[i] + "\t"
    elif r == 2:
        ls[i] = ls[i].replace(": ", ":\t", 1)
    else:
        ls[i] = ls[i].replace(" ", "\t", 1)
    return "\n".join(ls)


def m_line_endings(b):
    r = rng.randrange(4)
    if r == 0:
        return b.replace(b"\n", b"\r\n")
    if r == 1:
        ls = b.split(b"\n")
        i = rng.randrange(len(ls))
        ls[i] = ls[i] + b"\r"
        return b"\n".join(ls)
    if r == 2:
        return b.replace(b"\n", b"\r")
    return b.replace(b"\n", "\u2028".encode() if rng.random() < .5 else "\u0085".encode(), rng.randint(1, 3))


def m_bom(b):
    r = rng.randrange(3)
    bom = b"\xef\xbb\xbf"
    if r == 0:
        return bom + b
    if r == 1:
        i = rng.randrange(len(b) + 1)
        return b[:i] + bom + b[i:]
    return b"\xff\xfe" + b.decode("utf-8", "replace").encode("utf-16-le")


def m_long_line(t):
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    n = rng.choice([1000, 5000, 70000, 300000])
    unit = rng.choice(["x", "ữ", "a ", "😀", "\u200b", "#", "*", "[", ","])
    v = unit * (n // len(unit))
    if rng.random() < .5:
        v = '"' + v.replace('"', '') + '"'
    ls[i] = f"{m.group(1)}{m.group(2)}: {v}"
    return "\n".join(ls)


def m_deep(t):
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    d = rng.choice([20, 46, 47, 48, 49, 50, 60, 200, 5000])
    r = rng.randrange(3)
    if r == 0:
        v = "[" * d + "x" + "]" * d
    elif r == 1:
        v = "{a: " * d + "x" + "}" * d
    else:
        # block nesting
        pre = m.group(1)
        base = len(pre) + 2
        block = [f"{' ' * (base + 2 * k)}k{k}:" for k in range(min(d, 300))]
        block[-1] += " x"
        ls[i:i + 1] = [f"{pre}{m.group(2)}:"] + block
        return "\n".join(ls)
    ls[i] = f"{m.group(1)}{m.group(2)}: {v}"
    return "\n".join(ls)


def m_special_chars(b):
    # insert control chars / NUL / invalid utf-8 / surrogate-ish bytes
    ins = rng.choice([b"\x00", b"\x01", b"\x7f", b"\x1b", b"\xc2\x85", b"\xc2\x90", b"\xef\xbf\xbe",
                      b"\xed\xa0\x80", b"\xff", b"\xc3", b"\xe2\x80\xae", b"\xe2\x80\x8b",
                      b"\xf0\x9f\x98\x80", b"\xf4\x90\x80\x80", b"\x0b", b"\x0c"])
    i = rng.randrange(len(b) + 1)
    return b[:i] + ins + b[i:]


def m_dup_key(t):
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    ind = " " * len(m.group(1)) if m.group(1).strip() == "-" else m.group(1)
    ls.insert(i + 1, f"{ind}{m.group(2)}: {rng.choice(['dup', '1', '[]', ''])}")
    return "\n".join(ls)


def m_key_style(t):
    ls = lines_of(t)
    kvs = kv_lines(ls)
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    r = rng.randrange(5)
    key = m.group(2)
    v = (m.group(3) or "").strip()
    if r == 0:
        ls[i] = f'{m.group(1)}"{key}": {v}'
    elif r == 1:
        ls[i] = f"{m.group(1)}'{key}': {v}"
    elif r == 2:
        ls[i] = f"{m.group(1)}? {key}"
        ls.insert(i + 1, f"{' ' * len(m.group(1))}: {v}")
    elif r == 3:
        ls[i] = f"{m.group(1)}{key.upper()}: {v}"
    else:
        ls[i] = f"{m.group(1)}{key}  : {v}"
    return "\n".join(ls)


def m_hostile(t):
    ls = lines_of(t)
    kvs = [i for i in kv_lines(ls) if (KV.match(ls[i]).group(3) or "").strip()]
    if not kvs:
        return t
    i = rng.choice(kvs)
    m = KV.match(ls[i])
    w = rng.choice(HOSTILE_WORDS).replace("\\", "\\\\").replace('"', '\\"')
    ls[i] = f'{m.group(1)}{m.group(2)}: "{w}"'
    return "\n".join(ls)


TEXT_MUTS = [m_splice, m_line_delete, m_line_dup, m_line_swap, m_indent, m_scalar_shape,
             m_weird_value, m_numbers, m_dates, m_anchor_alias, m_tag, m_document, m_comment,
             m_flow, m_multiline, m_tabs, m_long_line, m_deep, m_dup_key, m_key_style, m_hostile]
BYTE_MUTS = [m_byte_flip, m_truncate, m_line_endings, m_bom, m_special_chars]
# "mild" mutations tend to keep the file inside the fast path's subset (for the differential)
MILD = [m_line_delete, m_line_dup, m_line_swap, m_indent, m_scalar_shape, m_weird_value,
        m_numbers, m_dates, m_comment, m_flow, m_multiline, m_dup_key, m_hostile]


def mutate(b):
    names = []
    n = rng.choice([1, 1, 2, 2, 3, 4])
    mild = rng.random() < 0.5
    for _ in range(n):
        if mild:
            f = rng.choice(MILD)
        elif rng.random() < 0.25:
            f = rng.choice(BYTE_MUTS)
        else:
            f = rng.choice(TEXT_MUTS)
        names.append(f.__name__[2:])
        if f in BYTE_MUTS:
            b = f(b)
        else:
            t = b.decode("utf-8", "surrogateescape")
            t = f(t)
            b = t.encode("utf-8", "surrogateescape")
    return b, names


def run_lint(path, extra):
    cmd = ["nice", "-n", "10", K, "lint", path, "--format", "json"] + extra
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=10)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - t0
    except subprocess.TimeoutExpired as e:
        return "TIMEOUT", e.stdout or b"", e.stderr or b"", time.monotonic() - t0


REQ = {"code", "rule", "level", "message", "file", "line", "column", "end_line", "end_column",
       "path", "indicator", "help"}


def check_output(rc, out, err, text_lines):
    """Return (problems, parsed json or None)."""
    probs = []
    if rc == "TIMEOUT":
        return ["hang"], None
    if rc not in (0, 1, 2) or b"panicked" in err:
        probs.append(f"crash rc={rc}")
    if rc == 2:
        return probs, None
    try:
        j = json.loads(out)
    except Exception:
        probs.append("invalid-json")
        return probs, None
    if j.get("version") != 1 or not isinstance(j.get("diagnostics"), list) or "summary" not in j:
        probs.append("json-contract")
        return probs, j
    errs = 0
    for d in j["diagnostics"]:
        if set(d) != REQ:
            probs.append("json-keys:" + ",".join(sorted(set(d) ^ REQ)))
        if d.get("level") == "error":
            errs += 1
        ln, col = d.get("line"), d.get("column")
        if d.get("code", "").startswith("KH00") and d.get("code") != "KH005":
            if not isinstance(ln, int) or ln < 1 or not isinstance(col, int) or col < 1:
                probs.append(f"no-location:{d.get('code')}:{ln}:{col}")
        if isinstance(ln, int) and ln > text_lines + 1:
            probs.append(f"line-out-of-range:{d.get('code')}:{ln}>{text_lines}")
        el, ec = d.get("end_line"), d.get("end_column")
        if isinstance(ln, int) and isinstance(el, int) and (el < ln or (el == ln and isinstance(ec, int) and isinstance(col, int) and ec < col)):
            probs.append(f"end-before-start:{d.get('code')}")
    if errs != j["summary"].get("errors"):
        probs.append("summary-count")
    if (rc == 1) != (errs > 0):
        probs.append(f"exit-code rc={rc} errors={errs}")
    return probs, j


def norm(j, shift):
    out = []
    for x in j["diagnostics"]:
        x = dict(x)
        x.pop("file")
        for k in ("line", "end_line"):
            if isinstance(x.get(k), int):
                x[k] -= shift
        for k in ("message", "help"):
            if isinstance(x.get(k), str):
                x[k] = re.sub(r"(dòng|line) (\d+)", lambda m: f"{m.group(1)} {int(m.group(2)) - shift}", x[k])
        out.append(json.dumps(x, ensure_ascii=False, sort_keys=True))
    return out


log = open(os.path.join(out_dir, "log.jsonl"), "a")
work = os.path.join(out_dir, "cur")
os.makedirs(work, exist_ok=True)
stats = {"cases": 0, "diff_pairs": 0, "problems": 0, "diff": 0, "rc": {}}
t_start = time.monotonic()
for n in range(N):
    sf = rng.choice(big) if rng.random() < 0.2 else rng.choice(small)
    data, names = mutate(seed_text[sf])
    if len(data) > 8 * 1024 * 1024:
        data = data[: 8 * 1024 * 1024 - 10]
    extra = ["--catalogue", MINI] if b"catalogue: mini-2022" in seed_text[sf] else []
    fa = os.path.join(work, "a.yaml")
    open(fa, "wb").write(data)
    nlines = len(re.split(rb"\r\n|\r|\n", data))
    rc, out, err, dt = run_lint(fa, extra)
    probs, j = check_output(rc, out, err, nlines)
    if dt > 3:
        probs.append(f"slow {dt:.1f}s")
    rec = {"n": n, "seed": sf, "muts": names, "rc": rc, "t": round(dt, 3), "bytes": len(data),
           "ndiag": len(j["diagnostics"]) if j and "diagnostics" in j else None}
    stats["cases"] += 1
    stats["rc"][str(rc)] = stats["rc"].get(str(rc), 0) + 1
    # differential
    head = data[:200]
    eligible = (not nodiff and j is not None and rc in (0, 1)
                and not data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xff\xfe")
                and not re.search(rb"^(---|\.\.\.|%)", data, re.M))
    if eligible:
        fb = os.path.join(work, "b.yaml")
        open(fb, "wb").write(b"%YAML 1.2\n---\n" + data)
        rc2, out2, err2, dt2 = run_lint(fb, extra)
        probs2, j2 = check_output(rc2, out2, err2, nlines + 2)
        probs += ["F2:" + p for p in probs2]
        stats["diff_pairs"] += 1
        if j2 is not None:
            a, b2 = norm(j, 0), norm(j2, 2)
            if a != b2 or rc != rc2:
                probs.append("differential")
                rec["fast_only"] = [x for x in a if x not in b2][:5]
                rec["saphyr_only"] = [x for x in b2 if x not in a][:5]
                rec["rc2"] = rc2
                stats["diff"] += 1
    if probs:
        stats["problems"] += 1
        rec["problems"] = probs
        rec["stderr"] = err[-2000:].decode("utf-8", "replace")
        h = hashlib.sha1(data).hexdigest()[:12]
        keep = os.path.join(out_dir, "found", f"{n:05d}-{h}.yaml")
        os.makedirs(os.path.dirname(keep), exist_ok=True)
        open(keep, "wb").write(data)
        rec["file"] = keep
        rec["extra"] = extra
    log.write(json.dumps(rec, ensure_ascii=False) + "\n")
    log.flush()
    if (n + 1) % 200 == 0:
        print(f"{n+1} cases {time.monotonic()-t_start:.0f}s {stats}", flush=True)
print("DONE", json.dumps(stats), f"{time.monotonic()-t_start:.0f}s", flush=True)
