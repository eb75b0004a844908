"""Build the PDF and DOCX documents of the Brookhaven Refurb help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "legal/terms-of-sale.pdf": [
        ("title", "Brookhaven Refurb: Terms of Sale"),
        ("p", "Version 5.1, effective 1 October 2026. These terms apply to every purchase of a device or accessory from Brookhaven Refurb Ltd (\"we\", \"us\") on brookhaven-refurb.example. Trade-ins are covered by the separate Trade-in Terms. Please read these terms before you order."),
        ("h1", "1. Who we are"),
        ("p", "Brookhaven Refurb Ltd, Unit 4, Millrace Works, Brookhaven. Customer Care: 01 555 0120, care.brookhaven@example.com."),
        ("h1", "2. Definitions"),
        ("p", "\"Device\" means a refurbished phone, laptop or tablet. \"Accessory\" means any other item, such as cases, chargers, cables and screen protectors. \"Delivery date\" means the date the courier records your order as delivered."),
        ("h1", "3. Who can buy"),
        ("p", "You must be aged 18 or over and buying as a consumer. We may limit quantities to 3 units of the same model per order."),
        ("h1", "4. How the contract is formed"),
        ("p", "Your order is an offer to buy. The contract is formed when we email you to confirm dispatch, not when you receive the order confirmation. We may refuse an order before dispatch, for example if the item is out of stock, and we refund you in full."),
        ("h1", "5. Prices"),
        ("p", "Prices are in pounds sterling and include UK VAT. If we listed a clearly wrong price, we may cancel the order before dispatch and refund you in full, or offer the item at the correct price."),
        ("h1", "6. Refurbished condition"),
        ("p", "Devices are refurbished, not new. Each device is sold in the cosmetic grade stated on the product page (A, B or C), as described in the grading table on our help centre. Marks consistent with the grade are not a fault."),
        ("h1", "7. Battery"),
        ("p", "Each device meets the battery health minimum for its category at dispatch: 85% for phones and tablets and 80% for laptops. Batteries wear with use; a battery remains covered under clause 13 while its health stays at or above the warranty level."),
        ("h1", "8. Payment"),
        ("p", "Payment is taken when you place your order. Instalment plans are provided by Lattice Pay under its own credit agreement, which sits alongside these terms."),
        ("h1", "9. Delivery"),
        ("p", "We deliver to the countries listed on our Delivery options page. Delivery times are estimates. If your order has not arrived within 30 days of dispatch, you may cancel it and receive a full refund."),
        ("h1", "10. Risk and ownership"),
        ("p", "The goods are at our risk until they are delivered to you or to someone you nominate. Ownership passes to you once we have received full payment, or for instalment orders, once the first payment has been taken."),
        ("h1", "11. Your statutory right to cancel"),
        ("p", "Under consumer law you may cancel within 14 days of the delivery date without giving a reason."),
        ("h1", "12. Our 30-day return policy"),
        ("p", "In addition to your statutory rights, you may return a device within 30 days of the delivery date for a full refund. Opened accessories returned in working order are refunded minus a restocking fee of 15% (minimum £3.00). Applied screen protectors cannot be returned. No restocking fee applies to sealed or faulty accessories."),
        ("h1", "13. Warranty"),
        ("p", "Every device has a 12-month warranty from the delivery date, covering faults arising under normal use. The warranty does not cover accidental damage, liquid damage, loss, theft, or devices opened or repaired by anyone other than us. Warranty repairs are carried out by post at our workshop."),
        ("h1", "14. Care+ extension"),
        ("p", "Care+ extends the warranty in clause 13 to 24 months from the delivery date. Care+ can be bought at checkout or within 30 days of delivery and can be cancelled within 14 days of purchase for a full refund. Care+ is a warranty extension and not an insurance product."),
        ("h1", "15. Remedies for faulty goods"),
        ("p", "If a device is faulty, we will repair or replace it. If repair or replacement is impossible, or fails, you are entitled to a refund. In the first 30 days after delivery you may instead reject a faulty device for a full refund."),
        ("h1", "16. Your data"),
        ("p", "You are responsible for backing up your data before sending us any device. We erase all data on devices we receive and cannot recover data once erased."),
        ("h1", "17. Activation locks"),
        ("p", "We cannot repair, refund or accept a device that is linked to an Apple ID, Google account or Microsoft account. We will hold a locked device for 30 days before returning it to you."),
        ("h1", "18. Software"),
        ("p", "Devices are supplied with the operating system installed by the manufacturer's licence. We are not responsible for the manufacturer ending software updates for a model."),
        ("h1", "19. Our liability"),
        ("p", "We are responsible for loss or damage you suffer that is a foreseeable result of our breaking these terms. Our total liability under any order is limited to the price you paid for that order, except where the law does not allow us to limit it."),
        ("h1", "20. Events outside our control"),
        ("p", "We are not responsible for delays caused by events outside our reasonable control. If such a delay lasts more than 30 days, you may cancel and receive a full refund."),
        ("h1", "21. Complaints and disputes"),
        ("p", "Tell Customer Care first. We aim to resolve complaints within 10 working days. If you are not satisfied with our final response, you can refer the complaint free of charge to the Retail Resolution Service, an independent dispute resolution body, within 12 months of our final response."),
        ("h1", "22. Law"),
        ("p", "These terms are governed by the law of England and Wales. You can bring proceedings in the courts of the part of the UK where you live."),
    ],
    "trade-in/trade-in-terms.docx": [
        ("title", "Brookhaven Trade-in: terms and conditions"),
        ("p", "Version 2.4, effective 1 October 2026. These terms apply when you sell a device to Brookhaven Refurb Ltd through Brookhaven Trade-in. They are separate from our Terms of Sale, which cover things you buy from us."),
        ("h1", "1. Who can trade in"),
        ("bullets", [
            "You must be aged 18 or over and live in the UK.",
            "You must own the device, or have the owner's permission to sell it.",
            "You can trade in up to 5 devices per quote.",
        ]),
        ("h1", "2. What we accept"),
        ("grid", [
            ["Device type", "Accepted", "Minimum payout"],
            ["Phones", "Models released in the last 7 years", "£5.00"],
            ["Tablets", "Models released in the last 7 years", "£5.00"],
            ["Laptops", "Models released in the last 6 years", "£20.00"],
        ]),
        ("p", "If your device is worth less than the minimum payout, or is too old, we can recycle it for free. You will not be paid for a recycled device."),
        ("h1", "3. Your quote"),
        ("p", "Your quote is valid for 14 days. The device must be posted, with the prepaid label we provide, before the quote expires. Devices sent after the quote expires are priced at the price on the day they arrive."),
        ("h1", "4. Inspection and revised quotes"),
        ("p", "We inspect each device within 3 working days of arrival. If the model, storage or condition does not match your description, we send a revised quote. You have 7 days to accept or decline it. If you do not reply within 7 days, the revised quote is treated as accepted. If you decline, we return the device free of charge."),
        ("h1", "5. Payment"),
        ("grid", [
            ["Payment option", "Amount", "When"],
            ["Bank transfer", "100% of the agreed price", "Within 2 working days of agreement"],
            ["Brookhaven store credit", "110% of the agreed price", "Instantly on agreement"],
        ]),
        ("p", "We pay only to a UK bank account in the name of the person who made the trade-in."),
        ("h1", "6. Lost, stolen and blocked devices"),
        ("p", "We check every device against lost and stolen registers. A device reported lost or stolen, or blocked by a network, will not be paid for and may be handed to the police. We do not return such devices."),
        ("h1", "7. Activation lock and data"),
        ("p", "Remove activation lock (Find My, Google account, Microsoft account) before sending. A locked device is held for 30 days and then returned at a cost of £6.95. We erase all data on every device we receive."),
        ("h1", "8. Lost in the post"),
        ("p", "Devices sent with our prepaid label are insured up to the value of your quote. If a device is lost in transit, we pay you the quoted amount once the courier confirms the loss, which can take up to 15 working days."),
        ("h1", "9. Contact"),
        ("p", "Trade-in Team: 01 555 0148, Monday to Friday 9am to 5pm."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#24456b")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Brookhaven Refurb - help.brookhaven-refurb.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Brookhaven Refurb",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Brookhaven Refurb"
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

