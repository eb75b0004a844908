"""Build the PDF and DOCX documents of the Millbrook Waste and Recycling help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "skips/skip-hire-guide.pdf": [
        ("title", "Skip hire: sizes, prices and loading rules"),
        ("p", "Millbrook Skip Hire Guide, edition 2027.1, valid from 1 April 2027. Skip hire is available to households and businesses. A skip is hired for a fixed period and must be paid for in full when you book. For a skip on a road, pavement or parking bay, a council permit is also required: see Putting a skip on the road: permits."),
        ("h1", "1. Sizes and prices"),
        ("grid", [
            ["Skip", "Capacity", "About this many bin bags", "Price for 14 days (incl. VAT)", "Road placement"],
            ["Mini, 2 yard", "1.5 m3", "20", "£165.00", "Yes, with permit"],
            ["Midi, 4 yard", "3.1 m3", "40", "£215.00", "Yes, with permit"],
            ["Builders, 6 yard", "4.6 m3", "60", "£265.00", "Yes, with permit"],
            ["Large builders, 8 yard", "6.1 m3", "80", "£305.00", "Yes, with permit"],
            ["Maxi, 12 yard", "9.2 m3", "120", "£385.00", "No, private land only"],
        ]),
        ("h1", "2. Hire period"),
        ("bullets", [
            "The standard hire period is 14 days from the delivery date.",
            "Each extra day costs £7.00, up to a maximum hire of 28 days in total.",
            "Skips on the road also need a permit extension: see Putting a skip on the road: permits.",
            "If you need the skip for longer than 28 days, the full skip must be exchanged for an empty one at the full hire price.",
        ]),
        ("h1", "3. Ordering, delivery and collection"),
        ("steps", [
            "Call the Skip Hire Desk on 01 555 0150 or book at www.millbrookwaste.example/skips.",
            "Orders placed by 14:00 on a working day can be delivered on the next working day (skips on private land only).",
            "Deliveries take place between 07:00 and 16:00. We cannot give a fixed time.",
            "Our lorry needs an access width of at least 3.2 metres and clear height of 4.5 metres.",
            "Call 01 555 0150 when the skip is ready for collection. We collect within 2 working days.",
        ]),
        ("p", "Cancellation is free until 16:00 on the working day before delivery. After that a cancellation charge of £50.00 applies. If our driver cannot deliver or collect because access is blocked, a wasted journey charge of £75.00 applies."),
        ("h1", "4. Loading rules"),
        ("bullets", [
            "Waste must not be loaded above the level of the skip's sides. An overloaded skip will not be lifted until it has been levelled.",
            "Heavy waste (soil, rubble, concrete, hardcore) may only be put in Mini, Midi and Builders 6 yard skips. Large builders 8 yard and Maxi 12 yard skips must not be filled with heavy waste.",
            "Plasterboard must be kept separate, in bags, on top of the other waste.",
            "Do not light fires in a skip.",
        ]),
        ("h1", "5. Items that cost extra or are refused"),
        ("grid", [
            ["Item found in the skip", "Surcharge"],
            ["Mattress", "£25.00 each"],
            ["Tyre (car or van)", "£8.00 each"],
            ["Fridge or freezer", "£40.00 each"],
            ["Television or monitor", "£15.00 each"],
            ["Plasterboard mixed with other waste", "£60.00"],
        ]),
        ("p", "Asbestos, gas bottles, liquid paint, chemicals and other hazardous items are never accepted in a skip. See Items we do not take."),
    ],
    "collections/collection-calendar-2027.pdf": [
        ("title", "2027 Collection Calendar and round guide"),
        ("p", "This calendar covers collections from Monday 4 January 2027 to Friday 31 December 2027. Find your round code on your bill or by entering your postcode at www.millbrookwaste.example/my-day. Keep this calendar: replacement printed copies are not posted."),
        ("h1", "1. Rounds"),
        ("grid", [
            ["Round code", "Areas", "Collection day", "Grey bin week"],
            ["MB1", "Millbrook town centre, Mill Lane, Station Road", "Monday", "Week A"],
            ["MB2", "Millbrook North, Orchard Rise, Kiln Park", "Monday", "Week B"],
            ["FN1", "Fenwick village, Fenwick Road", "Tuesday", "Week A"],
            ["FN2", "Fenwick Park, Fenwick Lane", "Tuesday", "Week B"],
            ["HC1", "Hollins Cross, Church Street", "Wednesday", "Week A"],
            ["HC2", "Hollins Moor, Moor Edge", "Wednesday", "Week B"],
            ["UT1", "Upper Tarrow", "Thursday", "Week A"],
            ["UT2", "Tarrow Bridge, Riverside Walk", "Thursday", "Week B"],
            ["RV1", "Ashby Green", "Friday", "Week A"],
            ["RV2", "Lower Tarrow and farms", "Friday", "Week B"],
        ]),
        ("p", "Your grey bin is emptied in your grey bin week. Your blue bin, and your brown bin in the garden waste season, are emptied in the other week. Food caddies are emptied every week."),
        ("h1", "2. Week A and Week B"),
        ("grid", [
            ["Month", "Week A (weeks beginning)", "Week B (weeks beginning)"],
            ["January", "4, 18 January", "11, 25 January"],
            ["February", "1, 15 February", "8, 22 February"],
            ["March", "1, 15, 29 March", "8, 22 March"],
            ["April", "12, 26 April", "5, 19 April"],
            ["May", "10, 24 May", "3, 17, 31 May"],
            ["June", "7, 21 June", "14, 28 June"],
        ]),
        ("p", "Weeks continue to alternate in the same way from July to December. The July to December calendar is published on 1 June 2027."),
        ("h1", "3. Glass box weeks"),
        ("p", "Glass boxes are emptied every 4 weeks, on your collection day in Week A, in the weeks beginning 4 January, 1 February, 1 March, 29 March, 26 April, 24 May and 21 June 2027."),
        ("h1", "4. Garden waste season"),
        ("p", "Brown bins are emptied every 2 weeks from Monday 1 March 2027 to Friday 26 November 2027, for subscribers showing a 2027 lid sticker."),
        ("h1", "5. Bank holidays"),
        ("p", "In weeks with a Monday bank holiday, collections move one day later. See Bank holiday and Christmas collection changes for the full list of dates."),
    ],
    "business/trade-waste-agreement.docx": [
        ("title", "Trade Waste Agreement: standard terms for business customers"),
        ("p", "Version 2027.1, effective 1 April 2027. These terms apply to every Trade Waste Agreement between Millbrook Waste and Recycling Ltd and a business customer. Household customers are covered by the Household Collection Service Terms and Conditions instead. Prices are set out in the Trade waste price list."),
        ("h1", "1. The agreement"),
        ("p", "The agreement consists of these terms, the Schedule of Service (containers, waste types and collection days) and the Trade waste price list. The customer must describe its waste accurately. We will not collect waste of a type not shown on the Schedule of Service."),
        ("h1", "2. Minimum term and renewal"),
        ("p", "Every agreement has a minimum term of 12 months from the first collection. At the end of the minimum term the agreement renews automatically for further periods of 12 months unless either party gives notice under clause 3."),
        ("h1", "3. Ending the agreement"),
        ("bullets", [
            "Either party may end the agreement at the end of a 12-month period by giving at least 90 days' written notice.",
            "If the customer ends the agreement before the end of a 12-month period, an early termination charge of 50% of the charges for the remainder of that period is payable.",
            "If the business closes or is sold, the customer may end the agreement on 30 days' written notice without an early termination charge, with evidence of the closure or sale.",
            "Containers are removed within 10 working days after the agreement ends.",
        ]),
        ("h1", "4. Prices"),
        ("p", "Prices are reviewed every year on 1 April. We will give at least 30 days' written notice of any change. The customer may end the agreement without an early termination charge if a price rises by more than 10%, by giving notice before the new price starts."),
        ("h1", "5. Containers"),
        ("p", "Containers remain our property. The customer is responsible for containers between collections and must pay for containers lost, stolen or damaged other than by our staff."),
        ("grid", [
            ["Container", "Charge if lost, stolen or damaged"],
            ["240 litre bin", "£45.00"],
            ["660 litre bin", "£210.00"],
            ["1100 litre bin", "£280.00"],
            ["140 litre food bin", "£40.00"],
        ]),
        ("h1", "6. Presentation and access"),
        ("bullets", [
            "Containers must be accessible from 06:00 on the collection day.",
            "If containers are kept in a locked area, the customer must give us a key or access code. A lost key or lock is charged as shown in the price list.",
            "Containers must be on a hard, level surface no more than 15 metres from where the vehicle can stop.",
            "Lids must close. Containers with overflowing waste will be emptied only if the waste can be safely removed, and excess waste is charged per bag.",
        ]),
        ("h1", "7. Duty of care"),
        ("p", "The customer has a legal duty of care for its waste. We issue an Annual Waste Transfer Note each April, free of charge. The customer must keep each Waste Transfer Note for at least 2 years and show it to an enforcement officer on request."),
        ("h1", "8. Missed lifts"),
        ("p", "The customer must report a missed lift to the Business Team on 01 555 0140 by 12:00 on the next working day. We will return within 2 working days. If we do not return within 2 working days, the lift is credited on the next invoice. Lifts missed because containers were not accessible are charged in full."),
        ("h1", "9. Invoices and payment"),
        ("bullets", [
            "We invoice monthly in arrears. Payment is by Direct Debit or bank transfer.",
            "Invoices are payable within 30 days of the invoice date. A late payment fee of £40.00 is added to any invoice unpaid after 30 days.",
            "If any invoice is unpaid 45 days after the invoice date, we may suspend collections until the account is paid. Charges continue during the suspension.",
        ]),
        ("h1", "10. Waste we will not accept"),
        ("p", "We will not accept hazardous waste, clinical waste, waste electrical equipment, liquids, or any item on the list of Items we do not take. If such waste is found, we may refuse to empty the container and charge the cost of its safe removal."),
        ("h1", "11. Liability"),
        ("p", "Our total liability in any 12-month period is limited to the charges paid by the customer in that period, except for death or personal injury caused by our negligence."),
    ],
    "bins/new-and-replacement-bins.docx": [
        ("title", "New, replacement and larger bins for households"),
        ("p", "This guide explains how to order a bin when yours is lost, stolen or damaged, when you move into a new-build home, or when you need a different size. Business customers must contact the Business Team. All containers remain the property of Millbrook Waste and Recycling."),
        ("h1", "Charges"),
        ("grid", [
            ["Container", "Charge", "Delivery"],
            ["Grey or blue bin, 240 litres", "£38.00", "£12.00 per order"],
            ["Grey bin, 140 litres", "£32.00", "£12.00 per order"],
            ["Larger grey bin, 360 litres", "£48.00", "£12.00 per order"],
            ["Green food caddy, 23 litres", "£8.00", "£12.00 per order"],
            ["Glass box, 55 litres", "£7.00", "£12.00 per order"],
        ]),
        ("p", "Only one delivery charge is made per order. Brown garden waste bins are ordered with the garden waste subscription, not with this form."),
        ("h1", "When you do not pay"),
        ("bullets", [
            "The bin was damaged by our crew during a collection and you reported it within 5 working days.",
            "The bin has worn out through normal use, for example a split body after many years. Broken lids and wheels are repaired free of charge instead of replacing the bin.",
            "The bin was taken by our crew in error.",
        ]),
        ("h1", "Lost or stolen bins"),
        ("steps", [
            "Check your street: bins are often returned to the wrong house.",
            "Wait until 09:00 on the day after your collection day before reporting it.",
            "Report the lost or stolen bin in MyMillbrook under Bins > Report a lost bin, or call 01 555 0120.",
            "Pay the charge and the delivery charge.",
            "The new bin is delivered within 10 working days of payment. It is marked with your house number.",
        ]),
        ("p", "A police crime reference number is not needed. If the old bin is found after the replacement has been delivered, call us and we will collect the extra bin; the charge is not refunded."),
        ("h1", "Larger grey bins"),
        ("p", "A 360 litre grey bin is only supplied if 6 or more people live permanently at the address, or if 2 or more children in the household use nappies. Apply in MyMillbrook and upload proof, such as a council tax bill. We decide within 10 working days. Larger bins are reviewed every 3 years. Changing down to a 140 litre grey bin is available to any household for the charge shown above."),
        ("h1", "Repairs"),
        ("p", "Report a broken lid or wheel in MyMillbrook under Bins > Report damage. We repair it on or before your next collection day, free of charge. Leave the bin out after collection with the handle facing the road so the repair crew can find it."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2e5e3a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Millbrook Waste and Recycling Ltd - help.millbrookwaste.example - 01 555 0120")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Millbrook Waste and Recycling",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Millbrook Waste and Recycling"
    for kind, val in blocks:
        if kind == "title":
            d.add_heading(str(val), level=0)
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
