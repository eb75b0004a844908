"""Build the PDF and DOCX documents of the Emberly help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "legal/purchase-terms.docx": [
        ("title", "Emberly Ticketing Ltd: Terms of Purchase for Ticket Buyers"),
        ("p", "Version 7.1, in force from 1 October 2026. These terms apply to every order placed with Emberly Ticketing Ltd (\"Emberly\", \"we\", \"us\") through emberly.example, the Emberly app, Fan Care or a venue box office operated by us. Please read them before placing an order. Words in bold in the consumer help pages have the same meaning as in these terms."),
        ("h1", "1. Definitions and parties"),
        ("p", "1.1 \"Organiser\" means the promoter, venue or other person responsible for staging the Event. 1.2 \"Event\" means the performance, match, festival or other occasion for which a Ticket is sold. 1.3 \"Ticket\" means a right of entry to an Event, in any format. 1.4 \"Face Value\" means the price of the Ticket set by the Organiser, excluding the Service Fee and other charges. 1.5 Emberly sells Tickets as agent for the Organiser. The contract for attendance at the Event is between you and the Organiser; the contract for the sale and delivery of the Ticket is between you and Emberly."),
        ("h1", "2. Placing an order"),
        ("p", "2.1 An order is accepted only when we send an order confirmation bearing an order number beginning with EM-. 2.2 Seats held in a basket are reserved for a limited time and are released if checkout is not completed. 2.3 We may refuse or cancel any order where we reasonably believe that the ticket limit for the Event has been exceeded, that automated software has been used, or that the Tickets are intended for resale above Face Value."),
        ("h1", "3. Prices, fees and payment"),
        ("p", "3.1 The total price shown before payment includes the Face Value, the Service Fee and the Order Processing Fee. Optional delivery charges and Ticket Protect are shown separately before payment. 3.2 Payment is taken in full at the time of the order, unless you choose a payment plan under clause 4. 3.3 Where the price of a Ticket is set by in-demand pricing, the price payable is the price shown when the Ticket is placed in your basket."),
        ("h1", "4. Payment plans"),
        ("p", "4.1 Where offered, a payment plan allows the total price to be paid in equal instalments. 4.2 If an instalment remains unpaid 7 days after its due date, we may cancel the order and the Tickets. 4.3 On such cancellation we shall refund the sums received less the Service Fee, the Order Processing Fee and any late instalment fee. 4.4 Tickets subject to an unpaid payment plan may not be transferred or resold."),
        ("h1", "5. No right to cancel"),
        ("p", "5.1 Tickets are a leisure service provided on a specific date. Under consumer contracts law, the 14-day cancellation period that applies to many online purchases does not apply to Tickets. 5.2 Accordingly, once an order is confirmed it cannot be cancelled by you and is not refundable, save as set out in clauses 6 and 7 or where you have purchased Ticket Protect. 5.3 Where you place two identical orders for the same Event by mistake, we shall cancel the duplicate order and refund it in full if you notify us within 24 hours of the second order. 5.4 Gift cards may be cancelled within 14 days of purchase provided no part of the balance has been used."),
        ("h1", "6. Cancelled Events"),
        ("p", "6.1 If an Event is cancelled, we shall refund the Face Value, the Service Fee and the Order Processing Fee to the original method of payment within 14 days of the cancellation being announced. 6.2 Charges for tracked postal delivery are not refunded once the Tickets have been dispatched. 6.3 Ticket Protect premiums are not refunded on cancellation of an Event."),
        ("h1", "7. Rescheduled, postponed and relocated Events"),
        ("p", "7.1 If an Event is rescheduled, your Tickets remain valid for the new date. You may instead request a refund of the Face Value and the Service Fee within 30 days of the announcement of the new date. 7.2 If an Event is postponed without a new date, refunds are not available until a new date is announced, save that if no new date is announced within 12 months of the original date, the Event shall be treated as cancelled. 7.3 If an Event is moved to a venue more than 25 miles from the original venue, you may request a refund within 14 days of the announcement. 7.4 Changes to the supporting acts, running order or timings of an Event do not entitle you to a refund."),
        ("h1", "8. Use of Tickets"),
        ("p", "8.1 Tickets remain the property of the Organiser and are licensed to you for personal use. 8.2 You may transfer a Ticket using the Emberly transfer service or resell it using Fan Resale. You may also pass a Ticket to a person known to you at a price no greater than its Face Value. 8.3 A Ticket that is resold or offered for resale in breach of this clause may be cancelled without refund. 8.4 A screenshot, photocopy or other reproduction of a mobile Ticket is not a valid Ticket."),
        ("h1", "9. Entry and conduct"),
        ("p", "9.1 Entry is subject to the Organiser's and venue's rules, including age ratings, security searches and conditions of entry. 9.2 No refund is due where you are refused entry or removed from the Event for breach of those rules or for failure to produce valid identification. 9.3 Late arrival may result in admission being delayed or refused."),
        ("h1", "10. Our liability"),
        ("p", "10.1 Nothing in these terms limits liability for death or personal injury caused by negligence, or for fraud. 10.2 Save as set out in clause 10.1, our total liability to you in connection with any order is limited to the total price paid for that order. 10.3 We are not liable for travel, accommodation or other costs incurred in connection with an Event, including where the Event is cancelled or changed."),
        ("h1", "11. Complaints and disputes"),
        ("p", "11.1 Complaints should be made first to Fan Care on 01 555 0120. 11.2 These terms are governed by the law of England and Wales. You may also use the independent Ticketing Standards Adjudicator after our final response."),
    ],
    "organisers/organiser-payout-terms.docx": [
        ("title", "Organiser Payout Terms"),
        ("p", "Version 2.4, effective 1 July 2026. These terms explain when and how Emberly pays organisers the money collected from ticket sales. They form part of the Organiser Agreement. Fees charged to organisers are on the page Selling with Emberly: fees for organisers."),
        ("h1", "1. Standard payouts"),
        ("p", "We hold ticket money on behalf of fans until the event has taken place. Your standard payout is sent 5 working days after the event date, to the verified bank account on your organiser account. The payout is the face value of tickets sold, less organiser fees, refunds and any chargebacks."),
        ("h1", "2. Advance payouts"),
        ("p", "Organisers on the Pro plan who have completed at least 3 events with Emberly without a cancellation can apply for advance payouts. Advance payouts pay you part of your sales before the event, to help with costs such as deposits for venues and artists."),
        ("grid", [
            ["Payout type", "Who can use it", "How much", "When"],
            ["Standard payout", "All organisers", "100% of net sales", "5 working days after the event"],
            ["Weekly advance", "Pro, 3 or more completed events", "Up to 60% of net sales to date", "Every Tuesday until 14 days before the event"],
            ["Balance after advance", "Pro, with advances", "The rest of net sales, less the reserve", "5 working days after the event"],
            ["Reserve release", "Pro, with advances", "The 10% reserve", "45 days after the event"],
        ]),
        ("p", "When you take advance payouts, we keep a reserve of 10% of net sales until 45 days after the event, to cover late refunds and chargebacks."),
        ("h1", "3. If an event is cancelled or changed"),
        ("p", "Emberly refunds fans directly under the consumer purchase terms. Where advance payouts have been made, you must repay the advanced amount within 10 working days of our request. We may deduct it from payouts for your other events. Organiser fees on refunded tickets are not returned."),
        ("h1", "4. Bank account changes"),
        ("p", "You can change your payout bank account in the organiser dashboard under Finance > Bank details. For security, a new bank account is verified before it is used, which takes 3 working days. No payouts are sent during those 3 working days; they are sent once verification is complete."),
        ("h1", "5. Minimum payout and statements"),
        ("bullets", [
            "Payouts below £25.00 are carried over and added to your next payout.",
            "A payout statement is emailed on the day each payout is sent.",
            "Monthly statements are available in the dashboard by the 5th working day of the next month.",
            "Queries about a payout must be raised within 60 days of the statement.",
        ]),
        ("h1", "6. Contact"),
        ("p", "Organiser Desk: 01 555 0152 (Monday to Friday 9am to 5:30pm) or payouts@emberly.example."),
    ],
    "accessibility/access-card-guide.pdf": [
        ("title", "The Emberly Access Card: a guide for disabled fans"),
        ("p", "The Emberly Access Card is a free scheme that records your access requirements once, so you don't have to explain them or send evidence every time you book. With an Access Card you can book accessible tickets online for any event sold by Emberly, at the same time as everyone else, including presales."),
        ("h1", "1. Applying"),
        ("steps", [
            "Go to Account > Access Card > Apply in the app or at emberly.example/access.",
            "Choose the requirements that apply to you (see the table in section 2).",
            "Upload one piece of evidence, such as a letter from a doctor or other health professional, a disability benefit award letter, or a Blue Badge.",
            "We review your application within 5 working days and email you the result.",
        ]),
        ("p", "The Access Card is free and is valid for 3 years. We email you 30 days before it expires so you can renew. If your requirements change, update them at any time; only new requirements need new evidence."),
        ("h1", "2. Access requirements"),
        ("grid", [
            ["Code", "Requirement", "What you can book"],
            ["WS", "Wheelchair user", "A wheelchair space with a companion seat beside it"],
            ["PC", "Needs a companion", "A free companion ticket next to your seat"],
            ["SF", "Step-free access", "Seats reachable without stairs"],
            ["AS", "Aisle seat", "A seat at the end of a row"],
            ["VI", "Blind or partially sighted", "Seats near the stage and an audio described performance where offered"],
            ["HL", "Hearing loop", "Seats in the hearing loop area, at venues that have one"],
            ["RS", "Can't stand for long", "A seat on a viewing platform at standing events"],
        ]),
        ("h1", "3. The free companion ticket"),
        ("p", "If your card includes PC or WS, you can book one free companion ticket for each accessible ticket you buy. The companion must be 16 or over and able to help you during the event, including in an evacuation. No service fee is charged on the companion ticket. Companion tickets can't be sold on Fan Resale."),
        ("h1", "4. Booking by phone"),
        ("p", "If you prefer, the Access Team can book for you: 01 555 0134, Monday to Saturday 9am to 6pm. Text relay calls are welcome. You can also email access@emberly.example."),
        ("h1", "5. On the day"),
        ("bullets", [
            "Bring your Access Card (in the app under Account > Access Card) with your ticket.",
            "Use the accessible entrance, which is signposted at most venues.",
            "Assistance dogs are welcome; tell us when booking.",
            "Many arenas offer a quiet room and early entry: see the venue page.",
        ]),
        ("h1", "6. If an accessible space isn't available"),
        ("p", "Accessible spaces are limited. If an event shows no accessible tickets left, join the Access waiting list on the event page. When a space comes back, the Access Team holds it for you for 48 hours and contacts you to confirm."),
    ],
    "box-office/box-office-collection.pdf": [
        ("title", "Collecting your tickets at the box office"),
        ("p", "If you chose box office collection at checkout, your tickets are printed at the venue and handed over on the day. This guide explains what to bring and when to arrive. Box office collection costs £1.50 per order (free for Fan Points Blaze members)."),
        ("h1", "1. When the box office opens"),
        ("p", "Collection opens 2 hours before doors at most venues, and closes 30 minutes after the event starts. For festivals, collect from the box office at the main entrance from midday on the day before the festival opens."),
        ("grid", [
            ["Venue", "Box office opens for collection", "Box office phone"],
            ["Northgate Arena", "2 hours before doors", "01 555 0141"],
            ["Millrace Theatre", "From 10am on the day of the show", "01 555 0145"],
            ["Harbour Hall", "90 minutes before doors", "01 555 0148"],
            ["Corvale Park (outdoor events)", "From midday on the day", "01 555 0149"],
        ]),
        ("h1", "2. What to bring"),
        ("bullets", [
            "Your order number (starting EM-) or the confirmation email on your phone.",
            "The payment card you used to buy the tickets.",
            "Photo ID matching the name on the order.",
        ]),
        ("p", "If you paid with Apple Pay or Google Pay, bring the phone you paid with. If your card has been replaced since you booked, bring the new card and your photo ID; the box office can check the last 4 digits against the order."),
        ("h1", "3. Someone else collecting"),
        ("p", "Only the lead booker can collect, unless you nominate someone else. To nominate, go to My orders > choose the order > Nominate collector at least 24 hours before the event, and enter their full name. They must bring their own photo ID and the order number. The box office can't hand tickets to anyone who isn't the lead booker or the nominated collector."),
        ("h1", "4. Collection tickets and other services"),
        ("p", "Box office collection tickets are paper tickets. They can't be transferred in the app, sold on Fan Resale or added to a phone wallet. You can't change a collection order to mobile tickets after booking."),
        ("h1", "5. Reprints of mobile tickets"),
        ("p", "Box offices can also print a paper copy of a mobile ticket if your phone is lost, broken or out of battery. Show photo ID and your order number. Each ticket can be reprinted once, free of charge; after that the box office can't help and you'll need to contact Fan Care on 01 555 0120."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#b8461c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Emberly - help.emberly.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Emberly",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Emberly"
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
