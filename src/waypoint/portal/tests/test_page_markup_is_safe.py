"""Page text becomes paragraphs, headings, lists and links; typed HTML never gets through."""

from waypoint.portal.markup import render_markup


def url(target: str) -> str:
    return f"/x/{target}/"


def test_blocks_become_headings_paragraphs_and_lists():
    html = render_markup("# Title\n\nOne\ntwo\n\n- a\n- b\n\n1. c\n2. d", page_url=url)
    expected = (
        "<h2>Title</h2>\n<p>One two</p>\n<ul><li>a</li><li>b</li></ul>\n"
        "<ol><li>c</li><li>d</li></ol>"
    )
    assert html == expected


def test_raw_html_and_script_are_escaped():
    html = render_markup('<script>alert(1)</script> <b onclick="x">', page_url=url)
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html


def test_links_go_only_to_pages_or_safe_schemes():
    html = render_markup(
        "[ok](support) [app](:apply) [web](https://iom.int) [bad](javascript:alert(1))",
        page_url=url,
    )
    assert '<a href="/x/support/">ok</a>' in html
    assert '<a href="/x/:apply/">app</a>' in html
    assert '<a href="https://iom.int">web</a>' in html
    assert 'href="javascript' not in html


def test_placeholders_for_staff_are_highlighted():
    html = render_markup("Call [counsellor phone: set by staff].", page_url=url)
    assert '<mark class="to-fill">[counsellor phone: set by staff]</mark>' in html
