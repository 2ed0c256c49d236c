#!/usr/bin/env python3
"""How much a screenshot shows: decodes a PNG (8-bit greyscale, grey+alpha, RGB or RGBA, not
interlaced: what Chromium writes) with the standard library only and prints

    PATH WIDTHxHEIGHT ink=P% rows=R% colours=N

ink: the share of pixels that differ from the page's background (the most common colour) by
more than 48 in a channel; rows: the share of pixel rows holding ink; colours: distinct
colours among the ink (sampled). With --min-ink P and --min-rows R, exits 1 when the image
shows less (a blank or nearly blank rendering), 2 when it cannot be read.
usage: pngstat.py [--min-ink P] [--min-rows R] [--width W] FILE.png...
  --width W  the image must be W pixels wide
"""
import collections
import struct
import sys
import zlib


def decode(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            hdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f'unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})')
    raw = zlib.decompress(b''.join(idat))
    stride = w * channels
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    colour = 3 if channels >= 3 else 1
    return w, h, channels, colour, rows


def stat(path):
    w, h, ch, col, rows = decode(path)
    px = lambda r, x: r[x * ch:x * ch + col]
    counts = collections.Counter()
    for r in rows[::7]:
        for x in range(0, w, 5):
            counts[px(r, x)] += 1
    bg = counts.most_common(1)[0][0]
    ink = inked_rows = 0
    colours = set()
    for y, r in enumerate(rows):
        row_ink = 0
        for x in range(w):
            p = px(r, x)
            if p != bg and max(abs(a - b) for a, b in zip(p, bg)) > 48:
                row_ink += 1
                if (x + y) % 13 == 0:
                    colours.add(p)
        ink += row_ink
        inked_rows += row_ink > 0
    return w, h, 100.0 * ink / (w * h), 100.0 * inked_rows / h, len(colours)


def main():
    args, min_ink, min_rows, width = sys.argv[1:], 0.0, 0.0, None
    files = []
    while args:
        a = args.pop(0)
        if a == '--min-ink':
            min_ink = float(args.pop(0))
        elif a == '--min-rows':
            min_rows = float(args.pop(0))
        elif a == '--width':
            width = int(args.pop(0))
        else:
            files.append(a)
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    status = 0
    for f in files:
        try:
            w, h, ink, rows, colours = stat(f)
        except (OSError, ValueError, zlib.error, struct.error, TypeError) as e:
            print(f'{f}: cannot read: {e}')
            return 2
        ok = ink >= min_ink and rows >= min_rows and (width is None or w == width)
        print(f'{f} {w}x{h} ink={ink:.2f}% rows={rows:.1f}% colours={colours}' + ('' if ok else '  TOO LITTLE'))
        status |= 0 if ok else 1
    return status


if __name__ == '__main__':
    sys.exit(main())
