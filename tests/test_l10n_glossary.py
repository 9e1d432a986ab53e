"""Glossaries in TBX, YAML and CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelint.l10n.glossary import GlossaryError, load_glossary

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="1">
    <langSet xml:lang="en"><tig><term>account</term></tig></langSet>
    <langSet xml:lang="de"><tig><term>Konto</term></tig></langSet>
    <langSet xml:lang="ja"><tig><term>アカウント</term></tig></langSet>
  </termEntry>
  <termEntry id="2">
    <langSet xml:lang="en-US"><tig><term>cart</term></tig></langSet>
    <langSet xml:lang="de-CH"><tig><term>Einkaufskorb</term></tig></langSet>
    <langSet xml:lang="de"><tig><term>Warenkorb</term></tig></langSet>
  </termEntry>
</body></text></martif>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tbx(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "terms.tbx", TBX), "en")
    assert glossary.for_market("de-DE", "en") == {"account": ("Konto",), "cart": ("Warenkorb",)}
    assert glossary.for_market("de-CH", "en")["cart"] == ("Einkaufskorb",)
    assert glossary.for_market("ja-JP", "en") == {"account": ("アカウント",)}
    assert glossary.for_market("fr-FR", "en") == {}


def test_yaml_with_alternatives_and_do_not_translate(tmp_path: Path) -> None:
    text = (
        "account:\n  de: [Konto, Benutzerkonto]\n  ja: アカウント\ndo_not_translate: [Acme Cloud]\n"
    )
    glossary = load_glossary(write(tmp_path, "g.yaml", text), "en")
    assert glossary.for_market("de-DE", "en") == {"account": ("Konto", "Benutzerkonto")}
    assert glossary.do_not_translate == ("Acme Cloud",)


def test_csv_with_header(tmp_path: Path) -> None:
    text = "source,lang,target\naccount,de,Konto\nAcme,de,Acme\n"
    glossary = load_glossary(write(tmp_path, "g.csv", text), "en")
    assert glossary.for_market("de-AT", "en") == {"account": ("Konto",), "Acme": ("Acme",)}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("g.yaml", "- just\n- a list\n", "maps source terms"),
        ("g.csv", "account,de\n", "line 1: expected source,lang,target"),
        # The line of the file, header and multi-line terms counted.
        ("g.csv", 'source,lang,target\n"two\nlines",de,x\nshort,de\n', "line 4: expected"),
        ("g.csv", "a,de,b\nc,de," + "x" * 200_000 + "\n", "line 2: field larger"),
        ("g.tbx", '<!DOCTYPE x [<!ENTITY a "b">]><martif>&a;</martif>', "refused TBX"),
        ("g.txt", "x", "unknown glossary format"),
    ],
)
def test_bad_glossaries_name_the_file(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(GlossaryError, match=message) as info:
        load_glossary(path, "en")
    assert str(path) in str(info.value)
