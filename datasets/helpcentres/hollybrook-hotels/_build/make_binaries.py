"""Build the PDF and DOCX documents of the Hollybrook Hotels & Spa help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "spa/treatment-menu.pdf": [
        ("title", "The Willow Spa: treatment menu and spa days"),
        ("p", "The Willow Spa, Hollybrook Manor, Lower Wenning. Menu valid from 1 October 2026 until 30 September 2027. All prices include VAT. Treatments are for guests aged 16 and over; guests aged 16 and 17 need a parent or guardian's signature on the health form. To book, call 01 555 0131 or visit spa.hollybrook.example."),
        ("h1", "1. Massage"),
        ("grid", [
            ["Treatment", "Length", "Price"],
            ["Willow Signature Massage (full body, warm oils)", "60 minutes", "£85"],
            ["Deep Tissue Massage", "60 minutes", "£90"],
            ["Back, Neck and Shoulder Massage", "30 minutes", "£55"],
            ["Hot Stone Ritual", "90 minutes", "£120"],
            ["Mum-to-be Massage (from 12 weeks of pregnancy)", "60 minutes", "£85"],
            ["Couples Massage (two therapists, side by side)", "60 minutes", "£175 per couple"],
        ]),
        ("h1", "2. Facials"),
        ("grid", [
            ["Treatment", "Length", "Price"],
            ["Hollybrook Radiance Facial", "60 minutes", "£80"],
            ["Express Facial", "30 minutes", "£50"],
            ["Men's Facial", "45 minutes", "£65"],
        ]),
        ("h1", "3. Hands, feet and finishing touches"),
        ("grid", [
            ["Treatment", "Length", "Price"],
            ["Manicure", "45 minutes", "£40"],
            ["Pedicure", "60 minutes", "£48"],
            ["Gel polish, hands or feet", "30 minutes", "£32"],
            ["Eyelash tint", "20 minutes", "£18"],
        ]),
        ("h1", "4. Spa days"),
        ("p", "Spa days include use of the pool, thermal suite and relaxation room, a robe, slippers and towels. Spa days are paid in full when booked."),
        ("grid", [
            ["Spa day", "What's included", "Price"],
            ["Twilight Spa (Monday to Thursday, 5pm to 9pm)", "One 30-minute treatment and a light supper", "£79 per person"],
            ["Willow Spa Day (10am to 5pm)", "One 60-minute treatment, two-course lunch and a glass of fizz", "£149 per person"],
            ["Spa Day for Two (10am to 5pm)", "A 60-minute Couples Massage, lunch for two and a glass of fizz each", "£280 per couple"],
            ["Thermal suite slot (day visitors and other Hollybrook hotels)", "Two hours in the thermal suite and pool", "£35 per person"],
        ]),
        ("p", "Weekend supplement: spa days on Saturdays and Sundays cost £20 more per person. Hollybrook Circle discounts apply to treatments only, not to spa days."),
        ("h1", "5. Before your treatment"),
        ("bullets", [
            "Arrive 30 minutes early to complete your health form and change.",
            "Tell us about pregnancy, recent surgery, allergies or medical conditions when you book.",
            "Gentlemen: please shave at least 2 hours before a facial.",
            "Avoid the sauna and steam room for 2 hours after a facial or gel polish.",
        ]),
        ("p", "Cancellation: single treatments can be cancelled free of charge up to 24 hours before; spa days up to 72 hours before. Full details are in Spa bookings and cancellations."),
    ],
    "rooms/accessibility-guide.pdf": [
        ("title", "Hollybrook Hotels & Spa: accessibility guide"),
        ("p", "Edition 4, September 2026. This guide describes the accessible rooms and facilities at our three hotels so that you can decide what will work for you before you book. If anything you need isn't mentioned, please call Reservations on 01 555 0120 or email accessibility@hollybrook.example; we'd much rather talk it through than guess."),
        ("h1", "1. Accessible rooms at each hotel"),
        ("grid", [
            ["Hotel", "Accessible rooms", "Bathroom", "Notes"],
            ["Hollybrook Manor", "3 (ground floor, rooms 4, 5 and 6)", "Level-access roll-in shower, fold-down seat, grab rails", "Room 6 connects to a standard twin for a companion"],
            ["The Mill House", "1 (ground floor, room 2)", "Walk-in shower with a fixed seat, small lip of 2 cm", "No lift to other floors"],
            ["Hollybrook Kestrel Bay", "2 (ground floor, rooms 1 and 2)", "Level-access roll-in shower, grab rails", "Room 1 has a sea view; ramp to the terrace café"],
        ]),
        ("p", "All accessible rooms have doors at least 90 cm wide, beds 55 cm high with space on both sides, lever taps and an emergency pull cord in the bathroom linked to the front desk."),
        ("h1", "2. Equipment you can ask for"),
        ("bullets", [
            "Mobile hoist with a sling: please ask at least 72 hours before arrival so we can arrange delivery and a check by our supplier.",
            "Vibrating pillow alarm and flashing-light door knocker for guests who are deaf or hard of hearing.",
            "Shower chair, raised toilet seat and bed raisers.",
            "A fridge in the room for medicines (every room has one as standard).",
        ]),
        ("h1", "3. Companions and carers"),
        ("p", "A carer or personal assistant who shares the room with you stays free of charge for the room; only their breakfast is charged, at £18. If the carer needs their own room, we offer it at 50% of the Bed & Breakfast price, subject to availability. Please tell us when you book."),
        ("h1", "4. Assistance dogs"),
        ("p", "Assistance dogs are welcome in every room and every public area of all three hotels, including restaurants, bars and the reception of The Willow Spa, and there is no charge. For hygiene reasons they can't go into the pool or the thermal suite; a member of the spa team will happily sit with your dog at spa reception. A grassed spending area is marked near the car park at each hotel."),
        ("h1", "5. The Willow Spa"),
        ("p", "The Willow Spa is on one level with step-free access from the Manor's ground floor. The pool has a pool hoist and steps with a handrail, and there is an accessible changing room with a shower and toilet. Treatment couches can be lowered to 60 cm. Please tell the spa team about any access needs when you book treatments."),
        ("h1", "6. Parking and arriving"),
        ("p", "Blue badge bays: 4 at the Manor by the main door, 1 at The Mill House and 2 at Kestrel Bay. We hold a bay for you if you tell us when you book. The Manor's main entrance has a ramp; The Mill House has a step-free side entrance with a doorbell; Kestrel Bay's entrance is step-free with automatic doors."),
        ("h1", "7. Fire safety and evacuation"),
        ("p", "Accessible rooms have a visual fire alarm. If you would need help to leave the building in an emergency, the duty manager will agree a personal emergency evacuation plan (PEEP) with you at check-in."),
        ("h1", "8. Hearing and sight"),
        ("p", "Hearing loops are fitted at every front desk and in the Orangery at the Manor. Large-print and audio versions of our menus and the Guest Handbook are available. Televisions have subtitles, and we can switch on audio description on request."),
    ],
    "loyalty/hollybrook-circle-terms.docx": [
        ("title", "Hollybrook Circle: membership terms"),
        ("p", "Version 2.3, effective 1 January 2026. Hollybrook Circle is our free loyalty programme for guests who book direct. These terms explain how nights are counted, how reward nights work and what the Silver and Gold tiers give you. Hollybrook Circle is run by Hollybrook Hotels Ltd, Lower Wenning. Questions: circle@hollybrook.example or 01 555 0164."),
        ("h1", "Joining"),
        ("p", "Anyone aged 18 or over can join free of charge at www.hollybrook.example/circle or at any front desk. One account per person. Nights can't be shared between accounts or transferred to another person, but you may give a reward night to someone else by booking it in their name."),
        ("h1", "Qualifying nights"),
        ("p", "A qualifying night is one paid room night, booked direct with Hollybrook on our website or by phone, at any rate including Advance Saver, with your membership number on the booking. Each room counts separately up to 3 rooms per night, provided you are staying in one of them."),
        ("bullets", [
            "Nights booked through travel websites or tour operators do not qualify.",
            "Reward nights, complimentary nights and nights paid entirely with an experience voucher do not qualify.",
            "Nights paid with a money voucher do qualify.",
            "Wedding room blocks qualify for the guest who pays for the room.",
        ]),
        ("p", "Nights appear in your account within 7 days of check-out. If a night is missing, claim it within 60 days of check-out by emailing circle@hollybrook.example with your booking reference."),
        ("h1", "Reward nights"),
        ("p", "For every 5 qualifying nights you earn 1 reward night. A reward night is a Classic room with breakfast for two adults at any of our three hotels, Sunday to Thursday. You can upgrade a reward night to a Superior room by paying £30 or to a Suite by paying £80 per night."),
        ("bullets", [
            "Book reward nights at least 7 days ahead by phone on 01 555 0164 or online while signed in.",
            "Reward nights can't be used between 24 December and 2 January, or on bank holiday Sundays.",
            "Up to 3 reward nights can be used in a row.",
            "Reward nights expire 18 months after the date they are added to your account.",
        ]),
        ("h2", "Cancelling a reward night"),
        ("p", "You can cancel a reward night free of charge until 3pm, 48 hours before arrival, and it goes back into your account with its original expiry date. If you cancel later or don't arrive, the reward night is lost. Extras added to a reward night, such as dinner or a dog, follow the normal cancellation terms of the rate."),
        ("h1", "Tiers"),
        ("grid", [
            ["Tier", "How to reach it", "Benefits"],
            ["Member", "Join", "Circle Member rate (10% off Bed & Breakfast), reward nights, members' newsletter"],
            ["Silver", "10 qualifying nights in a calendar year", "All Member benefits, 10% off spa treatments, a welcome drink on arrival"],
            ["Gold", "20 qualifying nights in a calendar year", "All Silver benefits, 15% off spa treatments instead of 10%, late check-out until 1pm when available, room upgrade on arrival when available"],
        ]),
        ("p", "Once you reach Silver or Gold, you keep the tier for the rest of that calendar year and the whole of the following year."),
        ("h1", "Closing or losing an account"),
        ("p", "If there are no qualifying nights on your account for 24 months, the account is closed and any reward nights on it are cancelled. We will email you 30 days before this happens. You can close your account at any time; unused reward nights are then lost. We may close an account that is used to resell reward nights or that was opened with false details."),
        ("h1", "Changes to these terms"),
        ("p", "We may change these terms with 60 days' notice by email. Reward nights already in your account keep the terms under which they were earned."),
    ],
    "events/wedding-agreement.docx": [
        ("title", "Weddings at Hollybrook Manor: booking terms and packages"),
        ("p", "For couples holding a date at Hollybrook Manor. Version 2027.1, for weddings taking place in 2027 and 2028. Our weddings team is available on 01 555 0142 (Monday to Friday 9am to 5:30pm, Saturday 10am to 4pm) or events@hollybrook.example. Viewings are by appointment, including Saturday mornings when there is no wedding."),
        ("h1", "Packages"),
        ("grid", [
            ["Package", "Guests", "Monday to Thursday", "Friday and Sunday", "Saturday"],
            ["Orchard Package (ceremony, drinks reception, three-course meal, evening buffet)", "Up to 60 day guests, 100 evening", "£6,500", "£7,800", "£9,200"],
            ["Manor Package (as Orchard, plus canapés, half a bottle of wine per guest, toast drink)", "Up to 120 day guests, 150 evening", "£11,500", "£13,000", "£15,500"],
            ["Twilight Reception (evening only, from 6pm)", "Up to 150", "£4,200", "£4,800", "£5,600"],
            ["Exclusive use of the Manor (all 42 rooms, one night)", "Up to 150", "From £22,000", "From £24,500", "From £28,000"],
        ]),
        ("p", "Package prices include the Orangery for the ceremony, the Walled Garden for drinks, a menu tasting for the couple, a wedding coordinator on the day, and a Garden Room for the couple on the wedding night. Additional day guests are £95 per person for the Orchard Package and £115 for the Manor Package."),
        ("h1", "Payments"),
        ("steps", [
            "A booking deposit of £2,000 secures your date. It is non-refundable and counts towards the final bill.",
            "A second payment of 50% of the estimated total is due 6 months before the wedding.",
            "The balance, based on final numbers, is due 6 weeks before the wedding.",
        ]),
        ("p", "Final guest numbers are due 6 weeks before the wedding. After that date numbers can go up but not down. We take payments by bank transfer or card; card payments above £5,000 must be made by bank transfer."),
        ("h1", "If you need to cancel"),
        ("p", "We know this is never an easy call. Please tell us in writing. The amount due depends on how far ahead you cancel:"),
        ("grid", [
            ["Notice given before the wedding date", "What you pay"],
            ["More than 12 months", "The £2,000 deposit only"],
            ["Between 12 and 6 months", "25% of the estimated total (including the deposit)"],
            ["Between 6 months and 6 weeks", "50% of the estimated total"],
            ["Less than 6 weeks", "100% of the estimated total"],
        ]),
        ("p", "If we can rebook your date with another wedding of the same or higher value, we will refund what you've paid above the deposit. We strongly recommend wedding insurance."),
        ("h1", "Postponing"),
        ("p", "You can move your wedding to a new date once, free of charge, if you tell us at least 9 months before the original date and the new date is within 18 months of it. Payments already made move to the new date. Later postponements are treated as a cancellation and a new booking."),
        ("h1", "Rooms for your guests"),
        ("p", "We hold a block of 20 rooms for your guests at 15% off the Bed & Breakfast price. Guests book and pay for their own rooms using your wedding code. Rooms not booked 8 weeks before the wedding are released to the public."),
        ("h1", "On the day"),
        ("bullets", [
            "Music must finish at 11:45pm and the bar closes at midnight.",
            "Only biodegradable confetti or dried petals, outdoors only.",
            "Sky lanterns and open flames outdoors are not allowed.",
            "Your own wine and sparkling wine are welcome with a corkage charge of £15 per bottle; spirits can't be brought in.",
            "Suppliers must arrive after 10am and be gone by 1am; outside suppliers need public liability insurance.",
        ]),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5b6e3a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Hollybrook Hotels & Spa - help.hollybrook.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Hollybrook Hotels",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Hollybrook Hotels"
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
