from bot.invisible_text import without_invisible


def test_invisible_format_characters_go_and_visible_text_stays() -> None:
    assert without_invisible("re\u00adfund po\u200blicy\ufeff?") == "refund policy?"
    visible = "caf\u00e9 \u00e0 S\u00e3o Paulo, \u05e9\u05dc\u05d5\u05dd"  # accents and Hebrew untouched
    assert without_invisible(visible) == visible
    plain = "nothing hidden here"
    assert without_invisible(plain) is plain
