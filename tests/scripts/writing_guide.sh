#!/usr/bin/env bash
# docs/writing-a-model.md plays as written. The guide is read from top to bottom:
#   - a fenced block whose info string is `xml file=PATH` is a complete file: it must be
#     well-formed, and it is written to PATH under a scratch directory (a later block with
#     the same PATH replaces it, as the reader's editor would);
#   - a fenced `console` block is a transcript: each `$ COMMAND` line is run there by bash
#     (with `rapport` the binary under test), and what it prints (stdout and stderr) must be
#     the lines that follow it; `echo $?` prints the exit status of the command before it.
#     In expected output, `...` inside a line matches any text, and a line that is only
#     `...` any number of lines. `console unordered` compares the lines in any order (the
#     log of a parallel build);
#   - every other `xml` block is a fragment: it must be well-formed, and its lines (leading
#     and trailing spaces aside, `<!-- … -->` lines standing for lines left out) must appear,
#     in order and each run of them contiguous, in one of the complete files;
#   - every diagnostic quoted from tests/fail (`tests/fail/NAME.xml:L:C: error: ...`) must be
#     a line of tests/fail/*.expected.
# Every PDF the transcripts write must pass qpdf --check, and every document kind rapport
# knows must be rendered by at least one transcript.
set -u
rapport=$1 src=$2
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v qpdf >/dev/null || { echo "SKIP: no qpdf"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $rapport in /*) ;; *) rapport=$PWD/$rapport ;; esac
mkdir -p "$tmp/bin" "$tmp/work"
ln -s "$rapport" "$tmp/bin/rapport"
kinds=$("$rapport" --help | awk '/^Document kinds:/{k=1; next} k && /^  [a-z]/{print $1} k && /^$/{if (n++) exit}')
[ -n "$kinds" ] || { echo "FAIL: no document kind in rapport --help"; exit 1; }

python3 - "$src/docs/writing-a-model.md" "$src" "$tmp" "$kinds" <<'PY'
import glob, os, re, subprocess, sys
import xml.etree.ElementTree as ET

guide, src, tmp, kinds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()
work = os.path.join(tmp, 'work')
env = dict(os.environ, PATH=os.path.join(tmp, 'bin') + ':' + os.environ.get('PATH', ''),
           LC_ALL='C.UTF-8')
fails = []

def fail(line, msg):
    fails.append(f'FAIL: {os.path.basename(guide)}:{line}: {msg}')

# The fenced blocks, with the line of their opening fence and their info string.
blocks, lines = [], open(guide, encoding='utf-8').read().split('\n')
i = 0
while i < len(lines):
    m = re.match(r'^(```+)(.*)$', lines[i])
    if m:
        fence, info, start, body = m.group(1), m.group(2).strip(), i + 1, []
        i += 1
        while i < len(lines) and not lines[i].startswith(fence):
            body.append(lines[i])
            i += 1
        blocks.append((start, info, body))
    i += 1

GAP = '<!-- … -->'

def well_formed(line, body, what):
    try:
        ET.fromstring('<fragment>' + '\n'.join(l for l in body if not l.startswith('<?xml')) + '</fragment>')
        return True
    except ET.ParseError as e:
        fail(line, f'{what} is not well-formed XML: {e}')
        return False

def pattern(expected):
    out = ''
    for l in expected:
        if l == '...':
            out += r'(?:[^\n]*\n)*?'
        else:
            out += '.*'.join(re.escape(p) for p in l.split('...')) + r'\n'
    return re.compile(out)

def unordered_match(expected, actual):
    pats = [pattern([l]) for l in expected if l != '...']
    loose = '...' in expected
    left = list(range(len(pats)))
    for a in actual:
        for k in left:
            if pats[k].fullmatch(a + '\n'):
                left.remove(k)
                break
        else:
            if not loose:
                return False
    return not left

complete = {}      # every version of every complete file: list of (line, stripped lines)
fragments = []
rendered_kinds = set()
outputs = []
for start, info, body in blocks:
    words = info.split()
    lang = words[0] if words else ''
    attrs = dict(w.split('=', 1) for w in words[1:] if '=' in w)
    if lang == 'xml' and 'file' in attrs:
        path = attrs['file']
        if path.startswith('/') or '..' in path.split('/'):
            fail(start, f'file={path}: not a relative path')
            continue
        text = '\n'.join(body) + '\n'
        try:
            ET.fromstring(text.encode('utf-8'))
        except ET.ParseError as e:
            fail(start, f'{path} is not well-formed XML: {e}')
        full = os.path.join(work, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8') as f:
            f.write(text)
        complete.setdefault(path, []).append([l.strip() for l in body if l.strip()])
    elif lang == 'xml':
        fragments.append((start, body))
    elif lang == 'console':
        unordered = 'unordered' in words[1:]
        cmds, k = [], 0
        while k < len(body):
            if body[k].startswith('$ '):
                cmd, exp, at = body[k][2:], [], start + 1 + k
                k += 1
                while k < len(body) and not body[k].startswith('$ '):
                    exp.append(body[k])
                    k += 1
                while exp and exp[-1] == '':
                    exp.pop()
                cmds.append((at, cmd, exp))
            else:
                fail(start + k + 1, f'a console block line that is neither "$ command" nor output: {body[k]!r}')
                k += 1
        last_rc = 0
        for where, cmd, exp in cmds:
            if cmd.strip() == 'echo $?':
                out, rc = f'{last_rc}\n', 0
            else:
                p = subprocess.run(['bash', '-c', cmd], cwd=work, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, timeout=600)
                out, rc = p.stdout.decode('utf-8', 'replace'), p.returncode
                last_rc = rc
                m = re.search(r'\brender\b.*--kind[ =](\S+)', cmd)
                o = re.search(r'\s-o\s+(\S+)', cmd)
                if m and rc == 0 and o and o.group(1) != '-' and '--text' not in cmd:
                    rendered_kinds.add(m.group(1))
                    outputs.append((where, os.path.join(work, o.group(1))))
            got = out.rstrip('\n').split('\n') if out.strip('\n') else []
            ok = unordered_match(exp, got) if unordered else \
                bool(pattern(exp).fullmatch('\n'.join(got) + '\n' if got else ''))
            if not ok:
                fail(where, f'$ {cmd}\n  expected:\n' + ''.join(f'    {l}\n' for l in exp) +
                     '  got:\n' + ''.join(f'    {l}\n' for l in got))

# Fragments: well-formed, and part of a complete file.
for start, body in fragments:
    if not well_formed(start, body, 'the fragment'):
        continue
    chunks, cur = [], []
    for l in body:
        s = l.strip()
        if s == GAP:
            if cur:
                chunks.append(cur)
            cur = []
        elif s:
            cur.append(s)
    if cur:
        chunks.append(cur)
    def contains(file_lines):
        pos = 0
        for c in chunks:
            n = len(c)
            while pos + n <= len(file_lines) and file_lines[pos:pos + n] != c:
                pos += 1
            if pos + n > len(file_lines):
                return False
            pos += n
        return True
    if not any(contains(v) for versions in complete.values() for v in versions):
        fail(start, 'the fragment is not part of any complete file of the guide:\n' +
             ''.join(f'    {l}\n' for l in body))

# Diagnostics quoted from the failure cases.
expected = set()
for f in glob.glob(os.path.join(src, 'tests', 'fail', '*.expected')):
    expected.update(l.rstrip('\n') for l in open(f, encoding='utf-8'))
for n, l in enumerate(lines, 1):
    m = re.match(r'^\s*(tests/fail/\S+\.xml:\d+:\d+: (?:error|warning): .*)$', l)
    if m and m.group(1) not in expected:
        fail(n, f'not a diagnostic of tests/fail/*.expected: {m.group(1)}')

for k in kinds:
    if k not in rendered_kinds:
        fails.append(f'FAIL: the guide renders no {k} document')
for where, pdf in outputs:
    if not os.path.isfile(pdf):
        fail(where, f'{os.path.relpath(pdf, work)} was not written')
for pdf in sorted(glob.glob(os.path.join(work, '**', '*.pdf'), recursive=True)):
    p = subprocess.run(['qpdf', '--check', pdf], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        fails.append(f'FAIL: qpdf --check {os.path.relpath(pdf, work)}:\n' + p.stdout.decode()[-2000:])
if not complete:
    fails.append('FAIL: the guide has no complete file')
print('\n'.join(fails) if fails else
      f'writing_guide: {len(complete)} files, {len(fragments)} fragments, '
      f'{len(outputs)} documents rendered: ok')
sys.exit(1 if fails else 0)
PY
