#!/usr/bin/env python3
# Writes the hostile pictures beside this script: small files that claim
# huge sizes, stop half-way, or try to reach outside the picture. Run it
# again only to change them; the tests read the files it wrote.
import base64
import os
import struct
import zlib

here = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def chunk(kind, body):
    return (struct.pack(">I", len(body)) + kind + body +
            struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))


def png(width, height, rows=None):
    """An 8-bit RGB PNG; rows of zeros (as many as @rows) compress to nothing."""
    if rows is None:
        rows = height
    raw = (b"\0" + b"\0" * 3 * width) * rows
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) +
            chunk(b"IEND", b""))


def jpeg_with_size(jpeg, width, height):
    """The same JPEG with the size in its frame header changed."""
    at = jpeg.index(b"\xff\xc0") + 5
    return jpeg[:at] + struct.pack(">HH", height, width) + jpeg[at + 4:]


good_png = png(8, 8)
write("png-good.png", good_png)
write("png-truncated.png", good_png[:len(good_png) - 20])
write("png-no-end.png", good_png[:-12])
write("png-bad-crc.png", good_png[:40] + bytes([good_png[40] ^ 0xff]) + good_png[41:])
# A few hundred bytes that claim 100000 × 100000 pixels (40 GB decoded).
write("png-huge-dimensions.png", png(100000, 100000, rows=1))
# Within each side's limit, over the pixel limit: 16000 × 16000, zeros.
write("png-too-many-pixels.png", png(16000, 16000, rows=16))
write("png-zero-width.png", png(0, 8, rows=0))
write("png-is-gif.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

# A real 8 × 8 JPEG, gray, baseline; made once with gdk-pixbuf.
good_jpeg = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a"
    "HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEB"
    "AQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1Fh"
    "ByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZ"
    "WmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG"
    "x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/APn+v//Z")
write("jpeg-good.jpg", good_jpeg)
write("jpeg-huge-dimensions.jpg", jpeg_with_size(good_jpeg, 65000, 65000))
write("jpeg-truncated.jpg", good_jpeg[:len(good_jpeg) // 2])

svg_open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">\n'
write("svg-good.svg", svg_open + '  <circle cx="32" cy="32" r="30" fill="#3584e4"/>\n</svg>\n')
write("svg-image-file-uri.svg", svg_open + '  <image href="file:///etc/passwd" width="64" height="64"/>\n</svg>\n')
write("svg-xlink-absolute-path.svg", svg_open + '  <image xlink:href="/etc/hostname" width="64" height="64"/>\n</svg>\n')
write("svg-relative-path.svg", svg_open + '  <image href="../../../../etc/hostname" width="64" height="64"/>\n</svg>\n')
write("svg-http.svg", svg_open + '  <image href="http://127.0.0.1:9/avatar.png" width="64" height="64"/>\n</svg>\n')
write("svg-use-other-file.svg", svg_open + '  <use href="file:///usr/share/icons/hicolor/scalable/apps/x.svg#a"/>\n</svg>\n')
write("svg-fill-other-file.svg", svg_open + '  <rect width="64" height="64" style="fill: url(file:///tmp/p.svg#g)"/>\n</svg>\n')
write("svg-xinclude.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude" width="64" height="64">\n'
      '  <text y="20"><xi:include href="file:///etc/passwd" parse="text"/></text>\n</svg>\n')
write("svg-xinclude-char-reference.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:q="&#104;ttp://www.w3.org/2001/XInclude" width="64" height="64">\n'
      '  <text y="20"><q:include href="/etc/passwd" parse="text"/></text>\n</svg>\n')
write("svg-stylesheet.svg",
      '<?xml-stylesheet type="text/css" href="file:///etc/passwd"?>\n' + svg_open + '</svg>\n')
write("svg-css-import.svg", svg_open + '  <style>@import url("file:///etc/passwd");</style>\n</svg>\n')
write("svg-external-entity.svg",
      '<!DOCTYPE svg [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>\n' + svg_open +
      '  <text y="20">&secret;</text>\n</svg>\n')
write("svg-external-dtd.svg",
      '<!DOCTYPE svg SYSTEM "file:///etc/passwd">\n' + svg_open + '</svg>\n')
laughs = ['<!ENTITY lol0 "lol">']
for i in range(1, 10):
    laughs.append('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10))
write("svg-billion-laughs.svg",
      '<?xml version="1.0"?>\n<!DOCTYPE svg [\n  ' + '\n  '.join(laughs) + '\n]>\n' + svg_open +
      '  <text y="20">&lol9;</text>\n</svg>\n')
write("svg-utf7.svg",
      '<?xml version="1.0" encoding="UTF-7"?>\n+ADw-svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/+AD4-\n')
write("svg-utf16.svg",
      ('\ufeff' + svg_open + '</svg>\n').encode("utf-16-le"))
write("svg-not-xml.svg", "this is not a picture")
write("svg-truncated.svg", svg_open + '  <circle cx="32" cy="3')
# 10 levels of 10 uses each: 10^10 circles to draw, if nothing stopped it.
uses = ['  <circle id="u0" r="1"/>']
for i in range(1, 11):
    uses.append('  <g id="u%d">%s</g>' % (i, ''.join('<use href="#u%d"/>' % (i - 1) for _ in range(10))))
write("svg-use-bomb.svg", svg_open + '  <defs>\n' + '\n'.join(uses) + '\n  </defs>\n  <use href="#u10"/>\n</svg>\n')
write("svg-deep-nesting.svg", svg_open + '<g>' * 10000 + '</g>' * 10000 + '</svg>\n')
# An SVG that carries a PNG bomb inside as a data: URL.
write("svg-data-png-bomb.svg", svg_open + '  <image width="64" height="64" href="data:image/png;base64,%s"/>\n</svg>\n'
      % base64.b64encode(png(60000, 60000, rows=1)).decode("ascii"))
write("svg-data-gif.svg", svg_open + '  <image width="64" height="64" href="data:image/gif;base64,R0lGODlhAQABAAAAACw="/>\n</svg>\n')
write("svg-data-png.svg", svg_open + '  <image width="64" height="64" href="data:image/png;base64,%s"/>\n</svg>\n'
      % base64.b64encode(good_png).decode("ascii"))
write("svg-turbulence-octaves.svg", svg_open +
      '  <filter id="f"><feTurbulence baseFrequency="0.05" numOctaves="100000"/></filter>\n'
      '  <rect width="64" height="64" filter="url(#f)"/>\n</svg>\n')
# librsvg 2.54 aborts on this one (a panic in its matrix code).
write("svg-convolve-matrix.svg", svg_open +
      '  <filter id="f"><feConvolveMatrix order="30" kernelMatrix="%s"/></filter>\n'
      '  <rect width="64" height="64" filter="url(#f)"/>\n</svg>\n' % ' '.join(['1'] * 900))
# A marker of 1000 circles on each of 2000 points.
write("svg-marker-bomb.svg", svg_open + '  <defs><marker id="m">' + '<circle r="1"/>' * 1000 + '</marker></defs>\n'
      '  <polyline style="marker-mid: url(#m)" points="' +
      ' '.join('%d,%d' % (i % 64, i // 64 % 64) for i in range(2000)) + '"/>\n</svg>\n')
write("svg-css-escape.svg", svg_open + '  <rect width="64" height="64" style="fill: \\75 rl(/etc/passwd#a)"/>\n</svg>\n')
write("svg-use-loop.svg", svg_open + '  <g id="a"><use href="#b"/></g>\n  <g id="b"><use href="#a"/></g>\n</svg>\n')
# Each of these took librsvg seconds or minutes to draw.
write("svg-text-bomb.svg", svg_open + '  <text y="40" font-size="500">' + 'W' * 9000 + '</text>\n</svg>\n')
write("svg-filter-bomb.svg", svg_open +
      '  <filter id="f" filterUnits="userSpaceOnUse" x="0" y="0" width="64" height="64">'
      '<feGaussianBlur stdDeviation="50"/></filter>\n' +
      '  <rect width="64" height="64" filter="url(#f)"/>\n' * 100 + '</svg>\n')
write("svg-xml-base.svg", svg_open.replace('width=', 'xml:base="file:///etc/" width=') +
      '  <image href="#passwd" width="64" height="64"/>\n</svg>\n')
