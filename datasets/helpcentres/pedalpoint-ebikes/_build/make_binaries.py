"""Build the PDF and DOCX documents of the PedalPoint help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "home/pedalpoint-home-agreement.docx": [
        ("title", "PedalPoint Home: subscription terms in plain English"),
        ("p", "Version 3.2, effective 1 September 2026. PedalPoint Home is our long-term e-bike subscription: we deliver an e-bike to your door, you keep it at home and ride it whenever you like, and we look after servicing and repairs for one monthly price. PedalPoint Home is separate from shared rides and from Rider memberships (Monthly Rider, Annual Rider). Cancelling a Rider membership does not end a Home subscription, and ending a Home subscription does not cancel a Rider membership."),
        ("h1", "1. Bikes and monthly prices"),
        ("grid", [
            ["Subscription", "Bike", "Monthly price", "Deposit", "Theft excess"],
            ["Home Standard", "PedalPoint HB-2 city e-bike", "€49.00", "€150.00", "€200.00"],
            ["Home Cargo", "PedalPoint CX-1 longtail cargo e-bike", "€69.00", "€250.00", "€350.00"],
        ]),
        ("p", "Prices include a D-lock, a charger, front and rear lights, servicing and repairs from normal wear and tear. The monthly price is taken on the same date each month from the card on your account."),
        ("h1", "2. Minimum term"),
        ("p", "Every Home subscription has a minimum term of 3 months from the delivery date. After the minimum term it continues month by month until you end it."),
        ("h1", "3. Deposit"),
        ("p", "We take the deposit shown in the table when your bike is delivered. It is a payment, not a card hold, and it is returned to the same card within 14 days after we have collected and inspected the bike at the end of your subscription. We may keep part or all of the deposit to cover unpaid monthly fees, missing accessories, or damage beyond normal wear and tear."),
        ("h1", "4. Delivery"),
        ("p", "We deliver free of charge to any address inside the PedalPoint service area. The first delivery slot is usually 7 working days after you order. A PedalPoint Home technician sets up the bike, adjusts the saddle and shows you the app features in about 20 minutes. Someone aged 18 or over must be there to sign for the bike."),
        ("h1", "5. Servicing and repairs"),
        ("bullets", [
            "A free full service every 6 months. We remind you in the app and come to your home.",
            "Repairs for wear and tear are free. Book them in the app under Home > My bike > Book a repair.",
            "A technician visits within 3 working days of your booking. If your bike cannot be fixed on the spot, we lend you a replacement bike.",
            "Punctures are repaired free of charge up to 4 times in any 12 months; after that each puncture repair costs €15.00.",
        ]),
        ("h1", "6. Theft and loss"),
        ("p", "Always lock the bike with the supplied D-lock to a fixed object, and use the built-in frame lock. If your bike is stolen:"),
        ("steps", [
            "Report the theft to the police within 24 hours and get a crime reference number.",
            "Report it to us in the app under Home > My bike > Report stolen, and enter the crime reference number.",
            "Send us both keys of the D-lock. We cannot process a theft claim without them.",
        ]),
        ("p", "When we have everything, you pay the theft excess shown in the table and we deliver a replacement bike within 10 working days. If the bike was not locked with the D-lock, you pay the full replacement value: €1,900 for an HB-2 or €3,400 for a CX-1."),
        ("h1", "7. Changing your bike"),
        ("p", "You can move from Home Standard to Home Cargo at any time. We swap the bikes on one visit and take the difference in deposit. Moving from Home Cargo to Home Standard is possible once you have had the cargo bike for at least 3 months."),
        ("h1", "8. Ending your Home subscription"),
        ("p", "This section is about ending PedalPoint Home. To cancel a Monthly Rider or Annual Rider membership, see Cancelling a Rider membership instead."),
        ("steps", [
            "Give us at least 30 days' notice in the app under Home > Subscription > End subscription, or call the Home Team on 01 555 0166 (8am to 8pm, Monday to Saturday).",
            "You can give notice during the minimum term, but the subscription cannot end before the minimum term is over.",
            "Book a collection slot on or after your end date. You keep paying until the bike is collected.",
            "Have the bike, the charger, both D-lock keys and the battery key ready for the technician.",
        ]),
        ("p", "Collection is free. If nobody is home for a booked collection, we charge a missed collection fee of €25.00. Missing items are charged as follows: charger €65.00, D-lock key €12.00 each, battery key €18.00."),
        ("h1", "9. Moving house"),
        ("p", "If you move to another address inside the service area, update your address in the app and we will service the bike at the new address. If you move outside the service area, you can end your subscription with 14 days' notice, even within the minimum term."),
    ],
    "damage/damage-charges.docx": [
        ("title", "Damage to shared vehicles: what you pay"),
        ("p", "This document explains what happens when a shared PedalPoint e-bike or e-scooter is damaged during your ride. It does not cover fees for parking or riding rules (see Penalty fees) or fines from the city or police (see City fines). For a PedalPoint Home bike, see the PedalPoint Home subscription terms."),
        ("h1", "Normal wear and tear"),
        ("p", "You never pay for normal wear and tear, for faults you report before or within 5 minutes after starting a ride, or for damage caused by a vehicle fault. Report faults in the app with the spanner icon."),
        ("h1", "Accidental damage"),
        ("p", "If you accidentally damage a vehicle, for example in a fall or by hitting a kerb, we charge the repair cost from the table below, up to your excess for that incident."),
        ("h2", "Your excess"),
        ("grid", [
            ["Your cover", "Most you pay for accidental damage per incident"],
            ["Standard (RideCover, included with every ride)", "€250.00"],
            ["RideCover Plus (add-on or included with Annual Rider)", "€25.00"],
        ]),
        ("h2", "Repair price list"),
        ("grid", [
            ["Part", "E-bike", "E-scooter"],
            ["Bell", "€8.00", "€8.00"],
            ["Phone holder", "€20.00", "€20.00"],
            ["Kickstand", "€35.00", "€30.00"],
            ["Basket", "€45.00", "Not fitted"],
            ["Rear light", "€28.00", "€22.00"],
            ["Front wheel", "€90.00", "€110.00"],
            ["Brake lever", "€32.00", "€26.00"],
            ["Display or handlebar screen", "€140.00", "€120.00"],
            ["Battery (not returned or destroyed)", "€380.00", "€290.00"],
            ["Whole vehicle (lost or beyond repair)", "€1,200.00", "€650.00"],
        ]),
        ("p", "A whole-vehicle charge applies if a vehicle you rode is not found within 48 hours after your ride, unless you have reported it stolen to the police and sent us the crime reference number."),
        ("h1", "Deliberate damage and misuse"),
        ("p", "The excess cap does not apply to deliberate damage, vandalism, riding with two people, stunts, or riding while over the legal alcohol limit. In those cases you pay the full cost from the price list, and we may close your account."),
        ("h1", "How we tell you and how to pay"),
        ("steps", [
            "Our mechanics inspect the vehicle and record the damage with photos.",
            "We email you the charge, the photos and the ride it relates to within 7 days of the ride.",
            "The charge is taken from your payment card 10 days after the email, unless you dispute it.",
        ]),
        ("p", "For charges above €100.00 you can ask to split the payment into 3 equal monthly instalments at no extra cost. Ask in the app under Account > Charges > Pay in instalments before the payment date."),
        ("h1", "Disputing a damage charge"),
        ("p", "If you think a damage charge is wrong, reply to the damage email or use Account > Charges > Dispute within 10 days of the email. Include your own photos if you took an end-of-ride photo showing the vehicle undamaged. A person from the Damage Team reviews every dispute and replies within 5 working days."),
    ],
    "insurance/ridecover-insurance.pdf": [
        ("title", "RideCover and RideCover Plus: policy summary"),
        ("p", "This summary explains the insurance that comes with PedalPoint shared rides. RideCover is arranged by PedalPoint and underwritten by Harbourside Mutual Insurance. It applies to shared e-bike and e-scooter rides only. PedalPoint Home bikes have their own theft terms in the Home subscription terms, and RideCover does not cover a Home bike."),
        ("h1", "1. What is included"),
        ("grid", [
            ["Cover", "RideCover (every ride, free)", "RideCover Plus"],
            ["Third-party liability (injury to others, damage to their property)", "Up to €2,000,000", "Up to €2,000,000"],
            ["Your excess for accidental damage to the vehicle", "€250", "€25"],
            ["Your own medical expenses after an accident", "Not covered", "Up to €5,000"],
            ["Personal accident benefit (permanent injury)", "Not covered", "Up to €20,000"],
            ["Damage to your phone during an accident", "Not covered", "Up to €300, excess €50"],
        ]),
        ("h1", "2. Prices of RideCover Plus"),
        ("bullets", [
            "Per ride: €1.29, chosen on the unlock screen before each ride.",
            "Monthly add-on: €5.99 a month for Monthly Rider members, covering every ride in the month.",
            "Annual Rider: included at no extra cost.",
        ]),
        ("p", "The monthly add-on can be cancelled at any time and stops at the end of the month you have paid for. Cover bought per ride cannot be added after the ride has started."),
        ("h1", "3. Who is covered"),
        ("p", "The registered account holder while riding a vehicle unlocked from their own account. For Group Rides, each vehicle unlocked on your account is covered, but you must be 18 or over and each guest rider must meet the age rules in the Rider Handbook."),
        ("h1", "4. What is not covered"),
        ("bullets", [
            "Riding over the legal alcohol limit or under the influence of drugs.",
            "Two people on one vehicle.",
            "Riders under the minimum age.",
            "Racing, stunts, or riding in a no-ride zone.",
            "Theft of personal belongings left in a basket.",
            "Riding outside the service area for more than 15 minutes.",
        ]),
        ("h1", "5. Making a claim"),
        ("steps", [
            "Report the accident in the PedalPoint app within 24 hours (Ride history > choose the ride > Report an accident).",
            "You receive a claim reference beginning with RC- by email.",
            "Send your claim form, photos, medical receipts and any police report to claims@ridecover.example within 30 days of the accident.",
            "Harbourside Mutual will contact you within 5 working days of receiving your claim.",
        ]),
        ("p", "Claims line (Harbourside Mutual, Monday to Friday 9am to 5pm): 01 555 0177. For the PedalPoint 24-hour accident line, see Reporting damage and accidents."),
        ("h1", "6. Complaints about a claim"),
        ("p", "If you are unhappy with how a claim was handled, write to complaints@harbourside-mutual.example. If you are still unhappy after 8 weeks, you can refer your complaint to the Insurance Ombudsman free of charge."),
    ],
    "home/home-bike-user-manual.pdf": [
        ("title", "PedalPoint HB-2 Home e-bike: owner's manual"),
        ("p", "For PedalPoint Home Standard subscribers. Document HB2-OM, edition 2, 2026. Keep this manual with the bike."),
        ("h1", "1. Key specifications"),
        ("grid", [
            ["Item", "HB-2"],
            ["Motor", "250 W rear hub motor"],
            ["Assisted speed limit", "25 km/h"],
            ["Battery", "540 Wh removable, lockable"],
            ["Range", "Up to 90 km in Eco, about 55 km in Boost"],
            ["Charging time (empty to full)", "5 hours"],
            ["Weight with battery", "24 kg"],
            ["Maximum load (rider and luggage)", "130 kg"],
            ["Tyre pressure", "3.5 to 4.5 bar"],
        ]),
        ("h1", "2. Switching on and assist modes"),
        ("p", "Hold the power button on the left handlebar for 2 seconds. Press + or - to choose a mode: Off, Eco, Tour or Boost. Hold - for 3 seconds to switch on walk assist, which moves the bike at up to 6 km/h while you walk beside it."),
        ("h1", "3. Charging the battery"),
        ("steps", [
            "Turn the battery key to unlock the battery and lift it out, or charge it on the bike through the port under the rubber cap.",
            "Plug the charger into the battery, then into the wall socket.",
            "The charger light is red while charging and turns green when the battery is full.",
        ]),
        ("p", "Charge indoors at room temperature. Do not charge a battery that is below 0 degrees C; bring it inside and wait 1 hour first. For long storage, keep the battery at about 60 percent charge in a dry place between 10 and 20 degrees C, and top it up every 2 months. Use only the PedalPoint charger. A replacement charger costs €65.00. HB-2 batteries do not fit SwapPoint lockers and cannot be exchanged at them."),
        ("h1", "4. Frame lock and lock code"),
        ("p", "The HB-2 has a built-in rear wheel lock with a keypad. To lock, push the lever down and enter your 4-digit lock code. To unlock, enter the code and press the tick key. Your lock code is not your app password and not your Ride PIN for shared vehicles."),
        ("bullets", [
            "Your starting lock code is the last 4 digits of the frame number printed under the bottom bracket.",
            "Change it in the app: Home > My bike > Lock code.",
            "After 5 wrong codes the keypad blocks for 10 minutes.",
            "Forgotten code: Home > My bike > Lock code > Reset, then confirm with a code sent by SMS to the account holder.",
        ]),
        ("h1", "5. Display error codes"),
        ("grid", [
            ["Code", "Meaning", "What to do"],
            ["E10", "Battery not detected", "Remove the battery, check the contacts are clean and dry, refit it until it clicks."],
            ["E12", "Battery too cold or too hot", "Move the bike to a place between 5 and 35 degrees C and wait 30 minutes."],
            ["E21", "Motor speed sensor fault", "Check the sensor magnet on the rear disc is in place. If the code stays, book a repair."],
            ["E30", "Display communication fault", "Switch off, wait 10 seconds, switch on. If the code stays, book a repair."],
            ["E44", "Brake sensor stuck", "Squeeze and release both brake levers. If the code stays, book a repair."],
        ]),
        ("h1", "6. Care"),
        ("bullets", [
            "Check tyre pressure every 2 weeks.",
            "Clean the bike with a damp cloth. Do not use a pressure washer.",
            "Lubricate the chain every 300 km or after riding in rain.",
            "Store the bike indoors or under cover where possible.",
        ]),
        ("h1", "7. Getting help"),
        ("p", "Book repairs in the app under Home > My bike > Book a repair, or call the Home Team on 01 555 0166."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f7a5a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "PedalPoint - help.pedalpoint.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="PedalPoint",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "PedalPoint"
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
