"""Build the PDF and DOCX documents of the Bluewick help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "policies/stains-and-damage-policy.docx": [
        ("title", "Bluewick stains and damage policy"),
        ("p", "Version 2.4, effective 1 October 2026. This policy explains what we do about stains, what happens if an item is damaged while we have it, and how much compensation we pay. For items that did not come back at all, see Missing or lost items instead."),
        ("h1", "1. Stains"),
        ("p", "Every item is checked before cleaning. Stain treatment is included in the price of both wash & fold and dry cleaning. Tell us what the stain is (wine, oil, ink, make-up) in the order notes: it helps us pick the right treatment. We can't guarantee that any stain will come out. Old stains, stains that have been ironed or tumble-dried, and stains on silk are the hardest."),
        ("p", "If a stain doesn't come out, we attach a blue tag to the item that says \"Treated, not removed\". A stain that didn't come out is not damage and is not compensated. You can send the item back once, free of charge, within 14 days for a second treatment."),
        ("h1", "2. Before we clean: risk notices"),
        ("p", "If we think an item could be damaged by cleaning (loose beads, a weak seam, a faded label), we send you a risk notice in the app before cleaning. You choose: clean at your own risk, or return it uncleaned. If you choose to clean at your own risk, we do not pay compensation for the risk we described."),
        ("h1", "3. Reporting damage"),
        ("steps", [
            "Report the damage within 72 hours of delivery in the app: Orders > your order > Report a problem > Damaged item.",
            "Add photos of the damage and of the care label.",
            "Keep the item. Do not wash, wear or alter it. We may collect it to inspect it.",
        ]),
        ("p", "You can also call the claims team on 01 555 0149, 9am to 5pm, Monday to Friday. We reply to every claim within 5 working days."),
        ("h1", "4. How much we pay"),
        ("p", "Where we are responsible for the damage, we first try to repair the item at our cost. If it can't be repaired, we pay compensation up to the caps below."),
        ("grid", [
            ["Service", "Compensation per item", "Cap per item", "Cap per order"],
            ["Dry cleaning", "10 times the cleaning price of the item", "£150.00", "£500.00"],
            ["Wash & fold", "Value of the item, less wear", "£40.00", "£200.00"],
            ["Dry cleaning with Declared Value", "Declared value, less wear", "The declared value, up to £1,000.00", "No order cap"],
        ]),
        ("p", "Example: a silk blouse cleaned for £8.90 is compensated up to £89.00. A wool coat cleaned for £18.00 is compensated up to the £150.00 cap, not £180.00."),
        ("h2", "Declared Value"),
        ("p", "For an item worth more than £300, add Declared Value when you book, at £4.00 per item. Enter the item's value; we may ask for a receipt or valuation. Declared Value is only for dry cleaning."),
        ("h1", "5. Wash & fold and care labels"),
        ("p", "Wash & fold items are machine-washed at 40 degrees C (or 60 degrees C if you ask) and tumble-dried. We are not responsible for shrinkage, colour run or other damage to items whose care label says hand wash, do not tumble dry or dry clean only, if they were sent as wash & fold. Colour run between items in the same bag is not compensated."),
        ("h1", "6. What we don't cover"),
        ("bullets", [
            "Normal wear, thinning and fading from age.",
            "Damage caused by items left in pockets.",
            "Buttons, buckles and trims that aren't suitable for cleaning; we may remove and return them.",
            "Damage reported more than 72 hours after delivery.",
        ]),
        ("h1", "7. If you don't agree"),
        ("p", "Ask for a review by the claims manager within 14 days of our decision. After that, you can use the complaints process in the Terms of service."),
    ],
    "business/business-accounts-guide.pdf": [
        ("title", "Bluewick for Business: account guide"),
        ("p", "For restaurants, salons, gyms, short-let hosts and offices in Ashmere, Kellbridge and Porthaven. Document BW-B1, edition 3, 2026."),
        ("h1", "1. Who can apply"),
        ("p", "Any registered business or sole trader with an address in our Service Area. Apply at bluewick.example/business with your company registration number (or your tax reference if you are a sole trader) and a contact person. We approve applications within 3 working days."),
        ("h1", "2. What's different from a personal account"),
        ("bullets", [
            "One monthly invoice for all orders, payable by bank transfer within 30 days.",
            "Up to 10 users on one account, each with their own login; the account owner sets spending limits per user.",
            "No small-order fee and no 6 kg minimum weight.",
            "Fixed weekly pick-up days you choose with us, outside the public slots if needed (from 06:00 in Ashmere and Kellbridge).",
            "A named account manager.",
        ]),
        ("h1", "3. Minimum spend"),
        ("p", "Business accounts have a minimum spend of £200.00 per calendar month. If your orders in a month come to less, the invoice is topped up to £200.00. The first 2 months are exempt from the minimum spend."),
        ("h1", "4. Volume discount"),
        ("grid", [
            ["Monthly spend (before discount)", "Discount"],
            ["£200.00 to £499.99", "5%"],
            ["£500.00 to £999.99", "10%"],
            ["£1,000.00 and over", "15%"],
        ]),
        ("p", "The discount is applied to the whole month on the invoice. It does not apply on top of Bluewick Plus, which is for personal accounts only."),
        ("h1", "5. Linen by the piece"),
        ("p", "Business linen can be priced per piece instead of per kg."),
        ("grid", [
            ["Item", "Price per piece"],
            ["Bath towel", "£0.95"],
            ["Hand towel", "£0.45"],
            ["Bed sheet (any size)", "£1.60"],
            ["Duvet cover", "£2.40"],
            ["Tablecloth", "£2.80"],
            ["Chef's jacket", "£3.10"],
        ]),
        ("h1", "6. Late payment"),
        ("p", "If an invoice is not paid within 30 days we send a reminder. If it is more than 14 days overdue we may pause pick-ups until it is paid. We may charge late-payment interest as allowed by law."),
        ("h1", "7. Ending a business account"),
        ("p", "Either side can end the account with 30 days' notice in writing. Outstanding invoices remain payable."),
        ("h1", "8. Contact"),
        ("p", "Business team: 01 555 0147, 8am to 6pm, Monday to Friday, or business@bluewick.example."),
    ],
    "care/garment-care-guide.pdf": [
        ("title", "Garment care guide: what we can and can't clean"),
        ("p", "Bluewick customer guide GC-2, 2026. Which service to choose for each item, and what we do not accept."),
        ("h1", "1. Which service?"),
        ("grid", [
            ["Care label says", "Send as"],
            ["Machine wash (any temperature)", "Wash & fold"],
            ["Machine wash, do not tumble dry", "Wash, hang-dry & fold"],
            ["Hand wash", "Dry cleaning"],
            ["Dry clean only", "Dry cleaning"],
            ["No label", "Dry cleaning (at your risk)"],
        ]),
        ("h1", "2. Items we don't accept"),
        ("bullets", [
            "Leather, suede and fur, including trims larger than a collar.",
            "Items soaked in oil, paint, petrol or chemicals.",
            "Items with mould, or infested with insects such as moths or bed bugs.",
            "Mattresses, sofa covers fixed to furniture, and anything larger than a king duvet.",
            "Nappies and items heavily soiled with bodily fluids.",
        ]),
        ("p", "If one of these turns up in a bag, we return it uncleaned with the rest of your order, and may charge the £10.00 handling fee in our Terms of service."),
        ("h1", "3. Delicates in wash & fold"),
        ("p", "Put bras, tights and lingerie in a mesh bag inside your laundry bag. We wash mesh bags as they are, without opening them. Write \"mesh\" on the bag tag."),
        ("h1", "4. Sportswear"),
        ("p", "Sportswear and technical fabrics are washed at 30 degrees C and never tumble-dried on high heat. Send waterproof jackets as dry cleaning if you want the water-repellent finish renewed; reproofing costs £8.00 on top of the dry cleaning price."),
        ("h1", "5. Wedding dresses"),
        ("p", "Wedding dresses are cleaned by hand by our specialist team and take 10 working days. Book them as dry cleaning; we send a quote after inspection. Boxing in an acid-free box costs £35.00."),
        ("h1", "6. Colour run"),
        ("p", "New dark denim and bright reds can bleed. Send them in a separate bag for the first few washes."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e9a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Bluewick - help.bluewick.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Bluewick",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Bluewick"
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
