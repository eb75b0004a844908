"""Build the PDF and DOCX documents of the Cloverfield Flowers help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "care/bouquet-care-guide.pdf": [
        ("title", "Keep them blooming: caring for your bouquet"),
        ("p", "This card comes in every Cloverfield box. A few minutes of care on day one adds days to your flowers."),
        ("h1", "1. On arrival"),
        ("steps", [
            "Hand-tied bouquets can stay in their aqua pack for up to 48 hours, but they are happiest in a vase as soon as possible.",
            "Fill a clean vase with cool tap water and stir in the flower food sachet: one sachet for every 500 ml of water.",
            "Remove any leaves that would sit below the waterline.",
            "Trim 2 cm off every stem at an angle with a sharp knife or scissors.",
        ]),
        ("h1", "2. Every 2 days"),
        ("bullets", [
            "Change the water and add fresh flower food if you have any left.",
            "Re-trim the stems by about 1 cm.",
            "Take out any flowers that have faded, so they don't age the others.",
        ]),
        ("h1", "3. Where to put the vase"),
        ("p", "Keep flowers out of direct sun and away from radiators, draughts and the fruit bowl. Ripening fruit gives off ethylene gas, which makes flowers fade faster."),
        ("h1", "4. How long will they last?"),
        ("grid", [
            ["Flower", "Typical vase life", "Tip"],
            ["Roses", "5 to 7 days", "Drooping head: re-cut the stem under water and wrap the head in paper for a few hours."],
            ["Lilies", "10 to 14 days", "Pull off the orange stamens as each flower opens to avoid pollen stains."],
            ["Tulips", "4 to 6 days", "They keep growing in the vase; turn the vase daily."],
            ["Chrysanthemums", "14 to 21 days", "Remove all leaves below the waterline."],
            ["Sunflowers", "6 to 10 days", "Use a heavy vase; they are top-heavy."],
            ["Alstroemeria", "10 to 14 days", "Snap off yellowing leaves."],
        ]),
        ("h1", "5. Lily pollen on clothes"),
        ("p", "Don't rub it and don't use water. Lift the pollen off with sticky tape, then leave the fabric in sunlight."),
        ("p", "Flowers not looking right within 7 days? See our freshness guarantee at help.cloverfield-flowers.example."),
    ],
    "care/plant-care-guide.pdf": [
        ("title", "Happy plants: caring for your Cloverfield plant"),
        ("p", "Plants are not bouquets: they want less water, more patience and a good spot. Every plant comes with a plant label; this guide covers the plants we sell most."),
        ("h1", "1. The first week"),
        ("bullets", [
            "Take the plant out of its box straight away and remove the sleeve.",
            "Let it settle for 7 days before moving it around or repotting.",
            "Most plants are sent with moist soil, so don't water in the first 3 days.",
        ]),
        ("h1", "2. Watering and light"),
        ("grid", [
            ["Plant", "Water", "Light", "Safe for cats and dogs?"],
            ["Orchid (Phalaenopsis)", "Soak the pot for 10 minutes every 7 to 10 days, then drain", "Bright, no direct sun", "Yes"],
            ["Peace lily", "Once a week, when the top 2 cm of soil is dry", "Shade to bright", "No"],
            ["Calathea", "Keep soil lightly moist; use rain or filtered water", "Medium, no direct sun", "Yes"],
            ["Olive tree", "Every 10 to 14 days", "Full sun", "Yes"],
            ["Monstera", "Every 7 to 10 days", "Bright, indirect", "No"],
        ]),
        ("h1", "3. Feeding and repotting"),
        ("p", "Feed with a liquid houseplant feed once a month from March to September. Repot into a pot one size bigger after 12 months, in spring. Orchids prefer to be repotted only every 2 years, in orchid bark, not soil."),
        ("h1", "4. Orchid flowers"),
        ("p", "Orchid flowers last 6 to 10 weeks. When the last flower drops, cut the flower stem just above the second node from the bottom; a new stem can appear within 3 months."),
        ("h1", "5. Something wrong?"),
        ("p", "Yellow leaves usually mean too much water. Brown crispy tips usually mean dry air or too much sun. If your plant dies within 30 days of delivery, the Happy Plant Promise gives you one free replacement: see Returns: plants, bouquets and gifts."),
    ],
    "funeral/funeral-tributes.docx": [
        ("title", "Funeral tributes: ordering deadlines and prices"),
        ("p", "We know this is a difficult time, and we'll take care of the details. Funeral tributes are made by our senior florists in the Brackenford workshop and delivered to the funeral director, not to the family home. For flowers to the family's home, choose a sympathy bouquet instead."),
        ("h1", "Ordering deadlines"),
        ("grid", [
            ["Tribute", "Order at least", "Price from"],
            ["Sympathy bouquet (to a home address)", "Same-day possible before the cut-off", "£40.00"],
            ["Posy or basket", "2 working days before the funeral", "£55.00"],
            ["Wreath", "2 working days before the funeral", "£85.00"],
            ["Heart or cushion", "3 working days before the funeral", "£120.00"],
            ["Casket spray (coffin spray)", "3 working days before the funeral", "£145.00"],
            ["Name or word in letters (for example MUM or GRANDAD)", "4 working days before the funeral", "£55.00 per letter"],
            ["Bespoke design (for example a football shirt or a favourite object)", "7 working days before the funeral", "£250.00"],
        ]),
        ("p", "Orders placed after these deadlines may still be possible: call the Funeral Tributes line on 01 555 0158 before ordering online."),
        ("h1", "Delivery to the funeral director"),
        ("p", "We deliver to the funeral director the working day before the funeral, or before 9am on the day of the funeral if the funeral is on a Monday. We need the funeral director's name and address, the name of the person who has died, and the date and time of the service. We cannot deliver to a church, a crematorium or a graveside. The delivery charge is £7.95 per funeral, however many tributes you order for it."),
        ("h1", "Cards"),
        ("p", "Every tribute comes with a handwritten card in a clear waterproof sleeve, at no charge, up to 300 characters."),
        ("h1", "Colours and substitutions"),
        ("p", "We never change the colours or the main flowers of a tribute without speaking to you first. If a flower is unavailable, we call you to agree a replacement."),
        ("h1", "Changes and cancellations"),
        ("p", "You can change or cancel a tribute until 12 noon 2 working days before the funeral. Letter tributes are personalised and cannot be refunded once they have been started, usually 3 working days before the funeral."),
        ("h1", "If the funeral date moves"),
        ("p", "Tell us as soon as you know. We move the delivery free of charge if you tell us at least 1 working day before the original delivery date."),
    ],
    "business/corporate-and-events.docx": [
        ("title", "Corporate flowers and events"),
        ("p", "From reception desks to product launches to weddings, the Cloverfield Corporate and Events team designs flowers for businesses and big days. Contact us on 01 555 0163 or corporate@cloverfield-flowers.example."),
        ("h1", "Office flower plans"),
        ("grid", [
            ["Plan", "What you get each week", "Price per week"],
            ["Reception", "1 large arrangement", "£65.00"],
            ["Studio", "1 large arrangement and 3 desk arrangements", "£95.00"],
            ["Headquarters", "2 large arrangements and 6 desk arrangements", "£170.00"],
        ]),
        ("p", "Office plans run for a minimum term of 3 months and then continue month to month. End an office plan with 1 month's written notice. Our florist collects the old arrangement and changes the water every visit. Vases are lent, not sold; a lost or broken vase is charged at £35.00."),
        ("h1", "Corporate accounts"),
        ("bullets", [
            "Apply online; we reply within 2 working days.",
            "Approved accounts are invoiced monthly with 30-day payment terms.",
            "A corporate account needs an expected spend of at least £300 a month. Smaller businesses can order with a card.",
            "Promo codes and Clover Points do not apply to corporate accounts.",
        ]),
        ("h1", "Corporate gifting"),
        ("p", "Sending flowers to many people at once? Upload a spreadsheet of up to 500 recipients with their addresses, messages and delivery dates. Orders of 20 or more bouquets in one upload get 10% off the flowers. Delivery charges apply per address."),
        ("h1", "Events and weddings"),
        ("bullets", [
            "Book at least 6 weeks before the event; for weddings we recommend 6 months.",
            "We ask for a 25% deposit to secure the date. The deposit is not refundable.",
            "Final numbers and designs are due 14 days before the event.",
            "The balance is due 7 days before the event.",
            "If you cancel less than 14 days before the event, the full price is payable because flowers have already been ordered from growers.",
        ]),
        ("p", "Set-up and collection of event flowers within 30 miles of Brackenford are included. Beyond 30 miles we charge £1.20 per mile each way."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """The document's text as one string, for checking golden facts against it."""
    out: list[str] = []
    for kind, val in blocks:
        if kind in ("title", "h1", "h2", "p"):
            out.append(str(val))
        elif kind in ("bullets", "steps"):
            out.extend(val)  # type: ignore[arg-type]
        elif kind == "grid":
            out.extend(" | ".join(row) for row in val)  # type: ignore[union-attr]
    return "\n".join(out)


def build_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    story = []
    for kind, val in blocks:
        if kind == "title":
            story.append(Paragraph(escape(str(val)), ss["Title"]))
        elif kind == "h1":
            story.append(Paragraph(escape(str(val)), ss["Heading2"]))
        elif kind == "h2":
            story.append(Paragraph(escape(str(val)), ss["Heading3"]))
        elif kind == "p":
            story.append(Paragraph(escape(str(val)), body))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), body)) for v in val]  # type: ignore[union-attr]
            story.append(ListFlowable(items, bulletType="1" if kind == "steps" else "bullet",
                                      start="1" if kind == "steps" else None, leftIndent=12))
        elif kind == "grid":
            data = [[Paragraph(escape(c), body) for c in row] for row in val]  # type: ignore[union-attr]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#6a8f3c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Cloverfield Flowers - help.cloverfield-flowers.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Cloverfield Flowers",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Cloverfield Flowers"
    for kind, val in blocks:
        if kind == "title":
            d.add_heading(str(val), level=1)
        elif kind == "h1":
            d.add_heading(str(val), level=1)
        elif kind == "h2":
            d.add_heading(str(val), level=2)
        elif kind == "p":
            d.add_paragraph(str(val))
        elif kind in ("bullets", "steps"):
            style = "List Number" if kind == "steps" else "List Bullet"
            for v in val:  # type: ignore[union-attr]
                d.add_paragraph(v, style=style)
        elif kind == "grid":
            rows = val  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            t.style = "Table Grid"
            for i, row in enumerate(rows):  # type: ignore[arg-type]
                for j, c in enumerate(row):
                    t.cell(i, j).text = c
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
    d.save(str(path))


def main() -> None:
    for rel, blocks in SOURCES.items():
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".pdf"):
            build_pdf(path, blocks)
        else:
            build_docx(path, blocks)
        print("wrote", rel, len(plain_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
