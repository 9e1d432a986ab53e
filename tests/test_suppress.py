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
