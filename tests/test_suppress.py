import pytest

from culturelint.document import Comment, Document
from culturelint.suppress import parse


def doc_with_comments(text: str) -> Document:
    comments = []
    start = 0
    while (i := text.find("<!--", start)) >= 0:
        j = text.index("-->", i) + 3
        comments.append(Comment(text[i:j], i, j))
        start = j
    return Document(path="x.md", text=text, format="markdown", comments=comments)


def test_next_line_only_listed_codes() -> None:
    s = parse(doc_with_comments("<!-- culturelint-disable-next-line CL201 -->\nwhite\nwhite\n"))
    assert s.suppressed("CL201", 2)
    assert not s.suppressed("CL202", 2)
    assert not s.suppressed("CL201", 3)


def test_range_and_enable() -> None:
    text = "a\n<!-- culturelint-disable CL201, CL202 -->\nb\nc\n<!-- culturelint-enable -->\nd\n"
    s = parse(doc_with_comments(text))
    assert s.suppressed("CL201", 3) and s.suppressed("CL202", 4)
    assert not s.suppressed("CL201", 1)
    assert not s.suppressed("CL201", 6)


def test_disable_without_codes_covers_all_until_end() -> None:
    s = parse(doc_with_comments("x\n<!-- culturelint-disable -->\ny\n"))
    assert s.suppressed("CL999", 3)
    assert not s.suppressed("CL999", 1)


def test_file_and_line_and_prefix() -> None:
    s = parse(
        doc_with_comments(
            "copy <!-- culturelint-disable-line CL2 -->\n<!-- culturelint-disable-file CL101 -->\n"
        )
    )
    assert s.suppressed("CL201", 1)
    assert not s.suppressed("CL201", 2)
    assert s.suppressed("CL101", 99)


def test_near_miss_plain_text_is_not_a_directive() -> None:
    s = parse(doc_with_comments("culturelint-disable in prose is not in a comment\n"))
    assert not s


def test_next_line_directive_on_a_unit_covers_the_whole_unit() -> None:
    text = '# culturelint-disable-next-line CL801\nmsgid "a"\nmsgstr ""\n"b"\n"c"\nmsgid "x"\n'
    unit_start = text.index("msgid")
    unit_end = text.index('msgid "x"')
    comment = Comment(text[:37], 0, 37, applies_to=(unit_start, unit_end))
    doc = Document(path="x.po", text=text, format="po", comments=[comment])
    s = parse(doc)
    assert all(s.suppressed("CL801", line) for line in (2, 3, 4, 5))
    assert not s.suppressed("CL801", 6)


def test_directives_in_the_po_header_comment_cover_the_file() -> None:
    from culturelint.readers import po

    text = (
        "# culturelint-disable-file CL701\n"
        "# culturelint-disable CL202\n"
        'msgid ""\nmsgstr "Language: de_DE\\n"\n\n'
        'msgid "Only $5"\nmsgstr "Nur $5"\n'
    )
    s = parse(po.read("a.po", text))
    assert s.suppressed("CL701", 7) and s.suppressed("CL202", 7)
    assert not s.suppressed("CL703", 7)  # near miss: another rule


@pytest.mark.parametrize(
    "directive",
    [
        "culturelint-disable-nextline CL201",  # misspelt verb: once read as "disable"
        "culturelint-disable-next-line-CL201",
        "culturelint-ignore-next-line CL201",
        "culturelint-disable-next-line CL2O1",  # a letter O for a zero
        "culturelint-disable-next-line colour",  # not a code, not a rule name
    ],
)
def test_a_directive_that_cannot_be_read_suppresses_nothing_and_is_an_error(
    directive: str,
) -> None:
    s = parse(doc_with_comments(f"a\n<!-- {directive} -->\nwhite\nwhite\n"), RESOLVE)
    assert not any(s.suppressed("CL201", line) for line in range(1, 6))
    ((message, line),) = s.problems
    assert line == 2
    assert directive.split()[0] in message or repr(directive.split()[-1]) in message


def test_rule_names_colon_and_reason_are_read() -> None:
    text = (
        "<!-- culturelint-disable-next-line: colour-connotation -- brand colour -->\nwhite\n"
        "<!-- culturelint-disable-line CL701, unlucky-number -- quoted price -->\n"
        "<!-- culturelint-disable-->\nx\n"
    )
    s = parse(doc_with_comments(text), RESOLVE)
    assert not s.problems
    assert s.suppressed("CL201", 2) and not s.suppressed("CL202", 2)
    assert s.suppressed("CL701", 3) and s.suppressed("CL202", 3) and not s.suppressed("CL201", 3)
    assert s.suppressed("CL999", 5)  # "disable" with nothing after it: every rule


def test_known_and_unknown_rules_in_one_directive() -> None:
    s = parse(doc_with_comments("<!-- culturelint-disable-next-line CL201 CL7O1 -->\nw\n"), RESOLVE)
    assert s.suppressed("CL201", 2)
    ((message, _),) = s.problems
    assert "'CL7O1'" in message and "the rules it does name are suppressed" in message


def test_other_culturelint_words_in_a_comment_are_not_directives() -> None:
    s = parse(doc_with_comments("<!-- see culturelint-cache and culturelint-rules -->\nw\n"))
    assert not s and not s.problems


def RESOLVE(word: str) -> str | None:
    names = {"colour-connotation": "CL201", "unlucky-number": "CL202", "foreign-currency": "CL701"}
    if word in names:
        return names[word]
    upper = word.upper()
    return upper if upper in {"CL2", "CL201", "CL202", "CL701"} else None
