#!/usr/bin/env python3
"""Regenerates resources/fonts/NotoSansSC-PDF.otf, the Chinese font the PDFs embed.

The app makes its PDFs (评审表, 借阅登记簿, 催款函 …) without Electron and cannot rely on the
fonts of the machine it runs on, so it ships one font. The full Noto Sans CJK collection is
about 20 MB; this keeps Noto Sans CJK SC (font number 2 of the collection) cut down to what
Chinese business papers use: ASCII and Latin-1, every character of GBK (which holds all of
GB2312 and the rarer characters of people's and companies' names), and the punctuation,
arrows, numbers-in-circles and shapes of forms. Layout tables, hinting and the vertical
metrics are dropped: the PDF writer lays out horizontally and subsets again per document.
See docs/decisions/0020-pdf.md.

Needs fontTools (Debian: python3-fonttools) and the Noto CJK fonts (fonts-noto-cjk):
    /usr/bin/python3 scripts/subset-pdf-font.py
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FONT_NUMBER_SC = 2  # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in the collection
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'resources', 'fonts', 'NotoSansSC-PDF.otf')

# Ranges kept besides GBK: Latin-1, general punctuation, letterlike symbols (№ ℃), Roman
# numerals, arrows, mathematical operators (≤ ≥), ①–⑳, box drawing, geometric shapes
# (□ ■ ○ ●), ✓, CJK symbols and punctuation (、。《》【】), full-width forms (，：￥).
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F),
    (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),
    (0x2713, 0x2713), (0x3000, 0x303F), (0xFF00, 0xFFEF),
]


def gbk_characters():
    chars = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode('gbk')))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    font = TTCollection(SOURCE).fonts[FONT_NUMBER_SC]
    if font['name'].getDebugName(4) != 'Noto Sans CJK SC':
        sys.exit(f'font number {FONT_NUMBER_SC} of {SOURCE} is not Noto Sans CJK SC')
    available = set(font.getBestCmap())
    wanted = gbk_characters()
    for lo, hi in RANGES:
        wanted.update(range(lo, hi + 1))
    unicodes = sorted(wanted & available)

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ['VORG', 'vmtx', 'vhea', 'BASE', 'GDEF', 'GPOS', 'GSUB']
    options.name_IDs = ['*']
    options.name_languages = ['*']
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    # The same bytes on every run: keep the source's modification date in the head table.
    font.recalcTimestamp = False
    font.save(OUT)
    print(f'{OUT}: {len(unicodes)} characters, {os.path.getsize(OUT)} bytes')


if __name__ == '__main__':
    main()
