"""Build the PDF and DOCX documents of the Thornbury Parking help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "damage/damage-claims.docx": [
        ("title", "Damage claims: what to do if your car is damaged"),
        ("p", "Version 4.0, effective 1 October 2026. This guide explains how to claim if you believe your vehicle was damaged while it was parked with Thornbury Parking Ltd at Thornbury Airport. It covers Meet & Greet, Park & Ride Long Stay (car park P5) and Short Stay (car park P1). For lost or damaged keys, see Key handling for Meet & Greet."),
        ("h1", "1. Check your car before you drive away"),
        ("p", "Please walk round your car before you leave the car park or the Meet & Greet return bay. Damage reported after you have driven away is much harder for us to investigate, because we can no longer compare it with our photos."),
        ("bullets", [
            "Meet & Greet: our driver photographs your car at handover (at least 8 photos) and again when it is returned. Both sets are on the handover condition report emailed to you.",
            "Park & Ride Long Stay: tell the P5 site office before you exit, or press the red button on the exit help point.",
            "Short Stay: press the help point at the P1 exit barrier or call 01 555 0120.",
        ]),
        ("h1", "2. Time limits for a claim"),
        ("grid", [
            ["Step", "Meet & Greet", "Park & Ride and Short Stay"],
            ["Tell us about the damage", "Before you leave the return bay", "Before you exit the car park"],
            ["Send the written claim form", "Within 7 days of collecting your car", "Within 7 days of exiting"],
            ["Underbody, alloy wheel or hidden damage found later", "Within 14 days of collecting your car", "Not accepted unless reported on site"],
        ]),
        ("p", "Send the claim form to claims@thornburyparking.example or post it to Damage Team, Thornbury Parking Ltd, Unit 4 Aldgrave Road, Thornbury TB7 2QP. The Damage Team can be reached on 01 555 0123, Monday to Friday 9am to 5pm."),
        ("h1", "3. What to send with your claim"),
        ("grid", [
            ["Item", "Needed for", "Notes"],
            ["Claim form (form DC-1)", "All claims", "Download it from Manage booking > Report damage"],
            ["Your booking reference", "All claims", "Starts with TP-"],
            ["Photos of the damage", "All claims", "Date-stamped if possible"],
            ["Two independent repair quotes", "Claims over £250.00", "From VAT-registered garages"],
            ["Handover condition report", "Meet & Greet only", "We email it to you at handover"],
            ["Exit time and help point reference", "Park & Ride and Short Stay", "Shown on your exit receipt"],
        ]),
        ("h1", "4. What happens next"),
        ("steps", [
            "We acknowledge your claim by email within 3 working days and give you a claim number starting with DC-.",
            "We review CCTV, driver movement logs and condition reports. CCTV is kept for 30 days only, so a late claim may mean footage is gone.",
            "We email our decision within 28 days of receiving the complete claim.",
            "If we accept the claim, claims up to £250.00 are paid by us directly by bank transfer within 10 working days. Larger claims are handled by our insurer, Greyfield Insurance plc.",
        ]),
        ("h1", "5. What we are not responsible for"),
        ("bullets", [
            "Stone chips and windscreen cracks that are not shown to be caused by our staff.",
            "Mechanical or electrical faults, flat batteries and tyre wear.",
            "Damage caused by weather, bird droppings, tree sap or other customers in Park & Ride and Short Stay.",
            "Personal belongings left in the car.",
        ]),
        ("p", "In Meet & Greet our drivers move your car, so we accept responsibility for damage that is not on the handover condition report and that our driver's movement log shows could have happened in our care. Our overall limits of liability are in the Terms and conditions of parking."),
    ],
    "payments/payments-and-refunds.docx": [
        ("title", "Payments, extras and refunds"),
        ("p", "How to pay for a Thornbury Parking booking, what the optional extras cost, and how refunds reach you."),
        ("h1", "Ways to pay"),
        ("bullets", [
            "Online bookings: Visa, Mastercard, American Express, Apple Pay and Google Pay.",
            "Short Stay pay stations in P1: cash (notes and coins) and contactless card.",
            "Park & Ride exit barriers in P5: contactless card only, no cash.",
            "Corporate accounts: monthly invoice (see Corporate accounts).",
        ]),
        ("p", "We take the full price when you book. There is no booking fee. Your card statement shows THORNBURY PARKING TBY."),
        ("h1", "Optional extras"),
        ("grid", [
            ["Extra", "Price", "Available with"],
            ["Flex Cover (free cancellation up to 2 hours before arrival)", "£4.99 per booking", "Meet & Greet, Park & Ride"],
            ["EV bay reservation", "£3.00 per day", "Park & Ride"],
            ["Charge & Return", "£35.00", "Meet & Greet"],
            ["Exterior hand wash", "£15.00", "Meet & Greet"],
            ["Full valet (inside and out)", "£45.00", "Meet & Greet"],
            ["Large vehicle option", "£5.00 per day", "Park & Ride"],
        ]),
        ("p", "Extras can be added up to 24 hours before your arrival time in Manage booking. A car wash or valet is done on the last day before you return and cannot be booked for stays shorter than 2 days."),
        ("h1", "Promo codes"),
        ("p", "Only one promo code can be used per booking, and it must be entered before you pay. We cannot add a code to a booking that has already been paid. Promo codes do not apply to extras or to Short Stay drive-up tariffs."),
        ("h1", "Refunds"),
        ("p", "Refunds always go back to the card used to pay. We send them within 2 working days of the cancellation or decision; your bank then usually takes 5 to 7 working days to show the money. Refunds for bookings paid with Apple Pay or Google Pay go to the card behind the wallet. We cannot refund to a different card or in cash."),
        ("h1", "Card declined or payment failed"),
        ("p", "If a payment fails, the booking is not confirmed and no space is held. If you see a payment on your statement but got no confirmation email, it is a pending authorisation and will drop off within 3 working days. Please do not book again before checking Manage booking."),
        ("h1", "VAT receipts"),
        ("p", "A VAT receipt is attached to your confirmation email. You can download it again from Manage booking > Receipts at any time for 6 years. To add a company name to a receipt, edit it in Manage booking before downloading."),
    ],
    "meet-and-greet/key-handling.pdf": [
        ("title", "Key handling for Meet & Greet"),
        ("p", "Document MG-K2, edition 3, 2026. What happens to your car keys from the moment you hand them to our driver until you get them back. This applies to Meet & Greet only. Park & Ride Long Stay and Short Stay customers keep their own keys at all times."),
        ("h1", "1. At handover"),
        ("steps", [
            "Our driver checks your booking and photo ID and takes photos of your car.",
            "You hand over one key or key fob for the car only. Please take off house keys, key rings and other keys before you arrive.",
            "The driver attaches a barcoded key tag and gives you a receipt showing the 4-digit key tag number.",
            "Keep your receipt: you need the key tag number and your booking reference to collect the car.",
        ]),
        ("p", "If you arrive with other keys on the ring, the driver puts them in a sealed envelope signed by both of you. We do not accept spare keys, and you should keep your spare key at home."),
        ("h1", "2. While you are away"),
        ("grid", [
            ["Where the key is", "Security"],
            ["Drive to the compound", "Key stays with the driver; journey logged by GPS"],
            ["Brackley Lane compound office", "Locked key safe, CCTV, every scan logged"],
            ["Keyless entry fobs", "Stored in a signal-blocking pouch to stop relay theft"],
            ["Return to the terminal", "Key scanned out by a supervisor and given to the return driver"],
        ]),
        ("p", "The key safe can be opened only by the 2 duty supervisors on shift. Our drivers never take your key home or off site except to deliver your car."),
        ("h1", "3. If we lose or damage your key"),
        ("p", "If a key is lost or damaged while in our care, we pay for a replacement key from the manufacturer's dealer up to £600.00, and a taxi home of up to £80.00 if you cannot drive your car away on your return. Send the dealer invoice to the Damage Team within 14 days."),
        ("h1", "4. Collecting your car"),
        ("p", "Call the Meet & Greet desk on 01 555 0121 when you have collected your luggage. Your car is brought to Zone M within 15 minutes. The driver checks your receipt and the key tag number before handing back the key. If somebody else is collecting the car for you, they must be a named driver on the booking and bring photo ID."),
        ("h1", "5. Lost receipt"),
        ("p", "If you have lost your receipt, the desk can still release your car after checking the photo ID of the lead name on the booking and the registration number. This takes about 10 extra minutes."),
    ],
    "business/corporate-accounts.pdf": [
        ("title", "Thornbury Business: corporate parking accounts"),
        ("p", "Thornbury Business is our account for companies whose staff fly from Thornbury Airport regularly. It gives you one monthly invoice, named bookers and a discount that grows with the number of bookings."),
        ("h1", "1. Who can apply"),
        ("bullets", [
            "Companies, partnerships, charities and public bodies registered in the UK.",
            "You expect at least 12 bookings in any 12 months.",
            "There is no fee to open or keep an account.",
        ]),
        ("p", "Apply at business.thornburyparking.example or email business@thornburyparking.example. We run a credit check and reply within 5 working days."),
        ("h1", "2. Discounts"),
        ("grid", [
            ["Bookings in the last 12 months", "Discount on Meet & Greet and Park & Ride", "Account manager"],
            ["12 to 49", "10%", "No, shared business desk"],
            ["50 to 199", "15%", "No, shared business desk"],
            ["200 or more", "20%", "Yes, named account manager"],
        ]),
        ("p", "Discounts are not given on Short Stay drive-up tariffs or on extras, and cannot be combined with promo codes. Your tier is reviewed on the first day of each quarter."),
        ("h1", "3. Bookers and travellers"),
        ("p", "An account can have up to 25 named bookers. Bookers can book for any traveller, and the traveller's name can be changed free of charge up to 2 hours before arrival. The account administrator adds or removes bookers in the Business portal."),
        ("h1", "4. Amending and cancelling business bookings"),
        ("p", "Business bookings can be cancelled free of charge up to 12 hours before the booked arrival time. Within 12 hours, or if the traveller does not arrive, the booking is charged in full. Amendments follow the normal amendment rules."),
        ("h1", "5. Invoices and payment"),
        ("p", "We send one invoice on the 1st working day of each month for the previous month's bookings, with each booking listed by traveller, cost centre and registration number. Payment is due within 30 days of the invoice date by bank transfer. If an invoice is more than 14 days overdue, new bookings are paused until it is paid. Late payments may be charged interest at 4% a year above the Bank of England base rate."),
        ("h1", "6. Contact"),
        ("p", "Business desk: 01 555 0124, Monday to Friday 8am to 6pm, business@thornburyparking.example."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#23406e")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Thornbury Parking - help.thornburyparking.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Thornbury Parking",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Thornbury Parking"
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
