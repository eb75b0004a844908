"""Build the PDF and DOCX documents of the Cobaltline Rail help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Source text of each binary document is kept in SOURCES so that check_golden.py can
check facts without parsing PDF/DOCX. Output goes to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Block kinds: title, h1, h2, p, bullets (list), steps (list), grid (rows, first = header), note
SOURCES: dict[str, list[tuple[str, object]]] = {
    "season-tickets/season-tickets-guide.pdf": [
        ("title", "Season tickets guide"),
        ("p", "Cobaltline Rail. Issue 11, valid for season tickets starting on or after 2 January 2026. This guide covers buying, using, replacing and refunding season tickets, and how Delay Repay is worked out for them."),
        ("h1", "1. Types of season ticket"),
        ("grid", [
            ["Type", "Valid for", "Can be bought", "Held on"],
            ["Weekly", "7 days", "Up to 14 days before the start date", "CobaltCard or paper"],
            ["Monthly", "1 calendar month", "Up to 14 days before the start date", "CobaltCard or paper"],
            ["Any period", "1 month and 1 day to 12 months", "Up to 14 days before the start date", "CobaltCard only"],
            ["Annual", "12 months", "Up to 14 days before the start date", "CobaltCard only"],
            ["Flexi Season", "Any 8 days of travel within 28 days", "Any time", "CobaltCard or e-ticket"],
        ]),
        ("note", "Flexi Season: each travel day is activated on the day, before boarding, by tapping in or in the app. Unused days expire at the end of the 28 days."),
        ("h1", "2. Prices from Fenwick Junction"),
        ("grid", [
            ["To", "Weekly", "Monthly", "Annual", "Flexi Season"],
            ["Saltmarsh", "£33.80", "£129.80", "£1,352.00", "£62.20"],
            ["Ostrey", "£28.60", "£109.80", "£1,144.00", "£52.60"],
            ["Millbridge", "£42.50", "£163.20", "£1,700.00", "£78.40"],
            ["Calder Cross", "£49.30", "£189.30", "£1,972.00", "£90.90"],
            ["Kestrel Bay", "£79.00", "£303.40", "£3,160.00", "£146.10"],
            ["Dunmere", "£94.50", "£362.90", "£3,780.00", "£174.70"],
        ]),
        ("note", "Railcard discounts do not apply to season tickets. Annual season tickets cost the same as 40 weekly tickets."),
        ("h1", "3. Photocards"),
        ("p", "Every season ticket must be used with a Cobaltline photocard. The first photocard is free. Its number is stored on your CobaltCard or printed on a paper season ticket. A season ticket used without its photocard is treated as travelling without a ticket."),
        ("h1", "4. Gold Card"),
        ("p", "An Annual season ticket is also a Gold Card. While it is valid, the holder gets one-third off Off-Peak and Super Off-Peak tickets anywhere on the Cobaltline network for themselves and for up to 3 adults travelling with them, and children travelling with them pay a flat £2.00 each for an Off-Peak Day Return."),
        ("h1", "5. Lost or stolen season tickets"),
        ("steps", [
            "Report the loss to Season Tickets on 01 555 0163 or at a ticket office.",
            "If your season ticket was on a registered CobaltCard, we stop the card and load the season ticket onto a new card.",
            "Paper season tickets and season tickets on a CobaltCard are replaced for a fee of £10.00, plus the new card deposit where a new CobaltCard is needed.",
            "A season ticket can be replaced no more than 2 times in any 12 months.",
        ]),
        ("note", "If you find the original after it has been replaced, hand it in at a ticket office within 28 days and we refund the £10.00 replacement fee."),
        ("h1", "6. Refunds (giving up a season ticket)"),
        ("p", "You can hand back a Monthly, Any period or Annual season ticket at any time before it expires. The refund is worked out from the date you hand it in or post it to us, never an earlier date."),
        ("grid", [
            ["Season ticket", "Refund rule"],
            ["Weekly", "Refund only if handed back before the start date"],
            ["Monthly", "Refund only if at least 7 days remain; we charge a weekly season for each week or part week used"],
            ["Any period and Annual", "We charge the cost of the season tickets (monthly and weekly) that would have covered the time used, and refund the rest"],
            ["Flexi Season", "Refund only if no travel day has been used and within 28 days of purchase"],
        ]),
        ("p", "An admin fee of £10.00 is taken from every season ticket refund. No refund is paid if less than 7 days of validity remain. Refunds are paid to the original card within 10 working days."),
        ("h1", "7. Delay Repay for season tickets"),
        ("p", "Season ticket holders claim Delay Repay for each delayed journey in the same way as other passengers (see Delay Repay), within 28 days of each journey. The value of one single journey is worked out as follows:"),
        ("grid", [
            ["Season ticket", "Value of one single journey"],
            ["Weekly", "Price divided by 10"],
            ["Monthly", "Price divided by 40"],
            ["Annual", "Price divided by 464"],
            ["Flexi Season", "Price divided by 16"],
        ]),
        ("p", "Example: a Fenwick Junction to Millbridge Annual season at £1,700.00 has a single journey value of £3.66. A delay of 30 to 59 minutes pays 50% of that value."),
        ("h1", "8. Renewing"),
        ("p", "We remind you by email 21 days before your season ticket expires. Renew in the app, online or at a ticket office. A renewed season ticket can start on any date up to 14 days after the old one ends without losing Gold Card benefits."),
    ],
    "assistance/station-accessibility-guide.pdf": [
        ("title", "Station accessibility guide"),
        ("p", "Cobaltline Rail, edition December 2026. Step-free access, toilets and facilities at every Cobaltline station. For booking help, see Passenger Assist. Information was checked in November 2026; lift outages are shown live in the app."),
        ("h1", "1. Station by station"),
        ("grid", [
            ["Station", "Step-free to all platforms", "Accessible toilet", "Ramp kept at station", "Hearing loop at ticket office", "Blue Badge bays"],
            ["Fenwick Junction", "Yes (lifts to platforms 1-6)", "Yes, 05:30-00:30", "Yes", "Yes", "24"],
            ["Millbridge", "Yes (lift to platform 2)", "Yes, staffed hours", "Yes", "Yes", "8"],
            ["Dunmere", "Yes (level access)", "Yes, staffed hours", "Yes", "Yes", "10"],
            ["Kestrel Bay", "Platform 1 yes; platform 2 via a 400 m step-free road route", "No", "Yes", "No ticket office", "6"],
            ["Saltmarsh", "Yes (ramps)", "No", "No, conductor ramp", "No ticket office", "3"],
            ["Ostrey", "Yes (level access)", "No", "No, conductor ramp", "No ticket office", "0"],
            ["Calder Cross", "Platform 1 only; platform 2 by footbridge with 38 steps", "No", "No, conductor ramp", "No ticket office", "2"],
        ]),
        ("note", "Where a platform has no step-free access, we provide a free accessible taxi to the nearest step-free station. For Calder Cross platform 2 this is usually Ostrey. Book through Passenger Assist at least 2 hours before travel."),
        ("h1", "2. Lifts"),
        ("bullets", [
            "If a lift is out of order, station staff or the help point will arrange an accessible taxi at no cost.",
            "Lift maintenance at Fenwick Junction is done on Tuesday nights between 00:30 and 05:00.",
            "Lifts at Millbridge are 1.4 m deep and take a wheelchair and one companion.",
        ]),
        ("h1", "3. Boarding the train"),
        ("bullets", [
            "The gap between platform and train is up to 25 cm at Kestrel Bay platform 1 because the platform is curved. Ask for a ramp if you need one.",
            "Coastal Sprinter trains have a wheelchair-accessible toilet in the first car. Cobalt Express trains have one in Coach C.",
            "Priority seats are marked with a blue headrest cover.",
        ]),
        ("h1", "4. Hidden disabilities and quiet times"),
        ("bullets", [
            "Sunflower lanyards are recognised at all staffed stations and are available free at Fenwick Junction ticket office.",
            "Quiet hour at Fenwick Junction: every Tuesday from 10:00 to 11:00, non-safety announcements are switched off and concourse screens are dimmed.",
            "A calm room is available at Fenwick Junction next to the Lost Property Office; ask at the information desk.",
        ]),
        ("h1", "5. Assistance dogs"),
        ("p", "Assistance dogs travel free on all trains and are welcome in all station buildings. Water bowls are available at Fenwick Junction, Millbridge and Dunmere ticket offices. A dog relief area is next to the Fenwick Junction taxi rank."),
    ],
    "reservations/seat-reservations-and-first-class.docx": [
        ("title", "Seat reservations and First Class"),
        ("p", "Reference CR-RES-04, issued 1 October 2026. Seat reservations are available on Cobalt Express trains only. Coastal Sprinter trains are unreserved: all seats are first come, first served. Bike reservations and wheelchair space reservations are covered in separate documents."),
        ("h1", "1. Who can reserve"),
        ("grid", [
            ["Ticket", "Seat reservation", "Cost"],
            ["Anytime, Off-Peak, Super Off-Peak", "Optional", "Free"],
            ["Advance", "Included automatically", "Free"],
            ["Season ticket, Flexi Season", "Optional, one journey at a time", "Free"],
            ["CobaltCard pay as you go", "Not available", "-"],
            ["First Class tickets", "Included automatically", "Free"],
        ]),
        ("h1", "2. When reservations are compulsory"),
        ("p", "On Cobalt Express trains on Fridays, Saturdays and Sundays in July and August, every passenger needs a seat reservation. Passengers without one may be asked to take a later train. Children under 5 travelling free do not need a reservation."),
        ("h1", "3. Booking and time limits"),
        ("steps", [
            "Reservations open 12 weeks before the date of travel.",
            "Reservations close 20 minutes before the train leaves its starting station.",
            "Reserve in the app under My tickets > Add seat, online, or at a ticket office. Ticket machines cannot make reservations.",
            "A single booking can reserve up to 8 seats. For more, contact Group Travel on 01 555 0125.",
        ]),
        ("p", "If you have not taken your reserved seat by the time the train leaves the station after the one where you were due to board, the seat is released and anyone may use it."),
        ("h1", "4. Coach layout on Cobalt Express"),
        ("grid", [
            ["Coach", "Class", "Notes"],
            ["A", "Standard", "Quiet Coach: no phone calls, headphones at low volume"],
            ["B", "Standard", "Bike spaces (6) and multi-use area"],
            ["C", "Standard", "Wheelchair spaces (3) and accessible toilet"],
            ["D", "Standard", "Table seats for families and groups"],
            ["E", "First Class", "24 seats, trolley served first"],
        ]),
        ("h1", "5. Weekend First upgrade"),
        ("p", "On Saturdays, Sundays and bank holidays, holders of any Standard ticket for a Cobalt Express journey can upgrade to First Class on board for £12.00 per journey, subject to space. Pay the conductor by card. The Weekend First upgrade is not available on weekdays; on weekdays you pay the difference to the First Class fare."),
        ("h1", "6. If we cannot give you your reserved seat"),
        ("bullets", [
            "If your train runs with fewer coaches than planned and your reserved Standard seat is not available, staff will find you another seat where possible. No compensation is paid for a Standard reservation that was free.",
            "If you held a First Class ticket and had to travel in Standard because First Class was not available, we refund the difference between the First Class fare and the Standard fare for that journey. Claim within 28 days through Customer Relations.",
            "Seat reservation problems do not affect your right to Delay Repay.",
        ]),
    ],
    "car-parks/car-park-permits.docx": [
        ("title", "Car park permits: terms and prices"),
        ("p", "CobaltPark permit terms, version 5, from 1 April 2026. A permit lets you park on any day at one named station car park without paying the daily price. It is separate from day and 7-day parking (see Station car parks) and from season tickets. A permit does not guarantee a space."),
        ("h1", "1. Permit prices"),
        ("grid", [
            ["Station", "Monthly permit", "Annual permit"],
            ["Fenwick Junction", "£145.00", "£1,480.00"],
            ["Millbridge", "£95.00", "£980.00"],
            ["Kestrel Bay", "£105.00", "£1,080.00"],
            ["Dunmere", "£88.00", "£900.00"],
            ["Saltmarsh", "£52.00", "£540.00"],
            ["Calder Cross", "£40.00", "£410.00"],
        ]),
        ("p", "Holders of a valid Annual season ticket get 10% off an Annual permit at a station on their season ticket route."),
        ("h1", "2. Access fob and deposit"),
        ("bullets", [
            "Permit holders receive an access fob for the permit barrier lane. We charge a refundable fob deposit of £20.00.",
            "The fob deposit is refunded if the fob is returned in working order within 30 days after the permit ends.",
            "A lost or damaged fob is replaced for £20.00; the original deposit is not refunded.",
            "The fob deposit is separate from the £5.00 CobaltCard deposit.",
        ]),
        ("h1", "3. Vehicles"),
        ("p", "Up to 2 vehicle registrations can be linked to one permit, but only one vehicle may be parked at a time. Change a registration in the CobaltPark app; the change takes effect within 1 hour."),
        ("h1", "4. Cancelling a permit"),
        ("h2", "Monthly permits"),
        ("p", "Cancel at any time in the CobaltPark app or by calling 01 555 0158. The permit runs to the end of the month already paid for. No refund is given for part months."),
        ("h2", "Annual permits"),
        ("steps", [
            "Give notice in the CobaltPark app or in writing to CobaltPark, Fenwick Junction Station, Westmarch WM1 1CR.",
            "Cancellation takes effect at the end of the calendar month in which we receive your notice.",
            "We refund the whole unused months, less an admin fee of £15.00.",
            "Return the access fob within 30 days after the permit ends to get the fob deposit back.",
        ]),
        ("p", "Cancelling a car park permit does not cancel a season ticket, and giving up a season ticket does not cancel a car park permit."),
        ("h1", "5. Misuse"),
        ("p", "A permit vehicle parked in a Blue Badge bay without a badge, in an EV bay without charging, or at a different station receives a Parking Charge Notice. After 3 Parking Charge Notices in 12 months, we may withdraw the permit without refund."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    out: list[str] = []
    for kind, val in blocks:
        if kind in ("title", "h1", "h2", "p", "note"):
            out.append(str(val))
        elif kind in ("bullets", "steps"):
            out.extend(val)  # type: ignore[arg-type]
        elif kind == "grid":
            out.extend(" | ".join(r) for r in val)  # type: ignore[union-attr]
    return "\n".join(out)


def build_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    ss = getSampleStyleSheet()
    body, small = ss["BodyText"], ss["Italic"]
    story: list = []
    for kind, val in blocks:
        if kind == "title":
            story.append(Paragraph(escape(str(val)), ss["Title"]))
        elif kind == "h1":
            story.append(Paragraph(escape(str(val)), ss["Heading2"]))
        elif kind == "h2":
            story.append(Paragraph(escape(str(val)), ss["Heading3"]))
        elif kind == "p":
            story.append(Paragraph(escape(str(val)), body))
        elif kind == "note":
            story.append(Paragraph("Note: " + escape(str(val)), small))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), body)) for v in val]  # type: ignore[union-attr]
            if kind == "steps":
                story.append(ListFlowable(items, bulletType="1", start="1", leftIndent=12))
            else:
                story.append(ListFlowable(items, bulletType="bullet", leftIndent=12))
        elif kind == "grid":
            data = [[Paragraph(escape(c), body) for c in row] for row in val]  # type: ignore[union-attr]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1d3f8f")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))
    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Cobaltline Rail Ltd - help.cobaltline.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Cobaltline Rail",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Cobaltline Rail"
    for kind, val in blocks:
        if kind == "title":
            d.add_heading(str(val), level=0)
        elif kind == "h1":
            d.add_heading(str(val), level=1)
        elif kind == "h2":
            d.add_heading(str(val), level=2)
        elif kind == "p":
            d.add_paragraph(str(val))
        elif kind == "note":
            d.add_paragraph("Note: " + str(val)).runs[0].italic = True
        elif kind in ("bullets", "steps"):
            style = "List Number" if kind == "steps" else "List Bullet"
            for v in val:  # type: ignore[union-attr]
                d.add_paragraph(v, style=style)
        elif kind == "grid":
            rows = list(val)  # type: ignore[arg-type]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
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
        (build_pdf if rel.endswith(".pdf") else build_docx)(path, blocks)
        print("wrote", rel, len(plain_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
