"""Build the PDF and DOCX documents of the Voltara help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document is in SOURCES below, so golden facts can be
checked without parsing PDF/DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "business/fleet-accounts.docx": [
        ("title", "Voltara for Business: fleet accounts"),
        ("p", "Guide for fleet managers, edition 2026-3. Voltara for Business gives companies one account for all their electric vehicles: a Voltara Key per driver or per vehicle, spending controls, and a single monthly invoice. It is separate from Voltara Plus and Voltara Max for individual drivers. A driver's personal subscription is not affected when they get a fleet card."),
        ("h1", "1. Plans"),
        ("grid", [
            ["Plan", "Fleet size", "Fee per active card per month", "Discount on Voltara public charging", "Minimum term"],
            ["Fleet Starter", "2 to 10 vehicles", "€4.00 / £3.50", "None (pay-as-you-go prices, no session fee)", "None"],
            ["Fleet Pro", "11 to 100 vehicles", "€3.00 / £2.60", "8% off pay-as-you-go prices", "12 months"],
            ["Fleet Enterprise", "more than 100 vehicles", "Agreed individually", "Agreed individually", "24 months"],
        ]),
        ("p", "A card is active in a month if it is used for at least one session in that month. Cards that are not used are free."),
        ("h1", "2. Opening a fleet account"),
        ("steps", [
            "Apply at fleet.voltara.example/apply with your company registration number and VAT number.",
            "We run a credit check and confirm within 2 working days.",
            "Sign the fleet agreement online and set up a direct debit.",
            "Order driver cards in the fleet portal. They arrive within 5 working days.",
        ]),
        ("h1", "3. The fleet portal"),
        ("bullets", [
            "Up to 10 administrators per company account.",
            "Set a daily spending limit per card. The default limit is €75.00 (UK: £65.00) per card per day.",
            "Restrict cards to AC only, or to certain countries.",
            "Block a lost card instantly under Cards > Block.",
            "Export all sessions as CSV for your expenses system.",
        ]),
        ("h1", "4. Invoicing and payment"),
        ("p", "We send one invoice for all cards on the 3rd working day of each month, covering the previous month. The invoice shows VAT separately and lists every session by card, driver reference, charger and kWh. Payment is due within 30 days of the invoice date, by direct debit or bank transfer. Partner network sessions appear on the invoice for the month in which the partner reports them. If an invoice is not paid within 30 days, we may block all cards on the account after a 7-day written reminder."),
        ("h1", "5. Idle fees and parking on fleet cards"),
        ("p", "Idle fees from fleet cards are added to the company invoice, not charged to the driver. The company may recover them from its drivers. Parking tickets from car park owners are sent to the vehicle's registered keeper and are not handled by Voltara."),
        ("h1", "6. Home charging for employees"),
        ("p", "Drivers with a Voltara Home charger can link it to the fleet account. The company sets a reimbursement rate per kWh in the portal, and home energy appears on a separate reimbursement report each month. Voltara does not pay the driver; the company reimburses its employee through payroll."),
        ("h1", "7. Ending a fleet agreement"),
        ("bullets", [
            "Give 60 days' written notice to fleet@voltara.example.",
            "Fleet Pro and Fleet Enterprise cannot end before the minimum term is over.",
            "All cards are blocked on the last day of the agreement. The final invoice follows on the 3rd working day of the next month.",
        ]),
        ("h1", "8. Contact"),
        ("p", "Fleet desk: 01 555 0155, Monday to Friday, 8:00 to 18:00, or fleet@voltara.example. Drivers with a problem at a charger should call Driver Support on 01 555 0142 (24/7)."),
    ],
    "home/home-charger-user-guide.docx": [
        ("title", "Voltara Home charger: user guide (VH-7 and VH-22)"),
        ("p", "Edition 4, 2026. For the Voltara Home VH-7 (7.4 kW, single phase) and VH-22 (22 kW, three phase) home chargers. The energy you use at home is billed by your own electricity supplier, not by Voltara. Voltara public charging prices and subscriptions do not apply at home."),
        ("h1", "1. Connecting to the app"),
        ("steps", [
            "In the Voltara app, go to Home > Add charger.",
            "Scan the QR code on the side of the charger.",
            "Choose your Wi-Fi network. The charger works with 2.4 GHz Wi-Fi only, not 5 GHz.",
            "Wait for the light ring to turn solid green.",
        ]),
        ("p", "No Wi-Fi at your driveway? Chargers installed with the optional 4G module connect by mobile data. Without a connection, the charger still charges, but scheduling and the charger lock do not work."),
        ("h1", "2. Light ring colours"),
        ("grid", [
            ["Light", "Meaning"],
            ["Solid green", "Ready, no car connected"],
            ["Pulsing blue", "Charging"],
            ["Solid blue", "Charging complete, car still connected"],
            ["Solid yellow", "Car connected, waiting for the schedule to start"],
            ["Flashing white", "Updating software, do not unplug"],
            ["Solid red", "Fault, see the fault codes below"],
        ]),
        ("h1", "3. Scheduling off-peak charging"),
        ("p", "Go to Home > Schedule and set the start and end time of your cheaper electricity period, for example 23:00 to 08:00. When you plug in outside that period, the light ring turns yellow and charging starts automatically at the start time. To charge straight away once, tap Boost now in the app; the schedule is used again next time you plug in."),
        ("h1", "4. Charger lock"),
        ("p", "Switch on Home > Charger lock to stop other people using your charger. When the lock is on, charging starts only after you tap Unlock in the app or hold an authorised Voltara Key against the charger. You can authorise up to 5 Voltara Keys for your home charger."),
        ("h1", "5. Fault codes"),
        ("grid", [
            ["Code", "Meaning", "What to do"],
            ["F1", "Earth fault protection tripped", "Unplug the car. Switch the charger off at the fuse box for 1 minute, then on again."],
            ["F3", "Supply voltage too high or too low", "Wait 15 minutes; the charger retries on its own. If it repeats, contact your electricity network operator."],
            ["F5", "Connector temperature too high", "Unplug, check the connector for dirt or damage, and let it cool for 30 minutes."],
            ["F7", "No communication with the car", "Unplug and plug in again firmly. Check the car's charging settings."],
            ["F9", "Internal fault", "Book a service visit in the app under Home > Support."],
        ]),
        ("p", "To restart the charger, hold the button under the light ring for 10 seconds until the ring goes dark. This does not delete your settings."),
        ("h1", "6. Care"),
        ("bullets", [
            "Wind the cable loosely on the holder; don't leave it on the ground.",
            "Clean the case with a damp cloth. No pressure washers.",
            "Test the earth fault protection every 6 months with the test button inside the cover flap.",
        ]),
        ("h1", "7. Warranty and support"),
        ("p", "Your Voltara Home charger has a 3-year warranty on parts and labour from the installation date. The warranty does not cover damage from flooding, vehicle impact or work done by anyone other than a Voltara installer. Contact the Voltara Home team on 01 555 0168 (Monday to Saturday, 8:00 to 20:00) or home@voltara.example."),
    ],
    "home/home-charger-installation.pdf": [
        ("title", "Voltara Home: getting a charger installed"),
        ("p", "Everything from quote to first charge. Prices include the charger, standard installation and VAT. Valid for orders from 1 September 2026."),
        ("h1", "1. Packages and prices"),
        ("grid", [
            ["Package", "Ireland", "Netherlands", "Germany", "United Kingdom"],
            ["VH-7 (7.4 kW) with standard installation", "€899", "€949", "€999", "£849"],
            ["VH-22 (22 kW, three-phase supply needed)", "€1,249", "€1,249", "€1,299", "£1,149"],
            ["Extended cable run (10 to 25 m)", "+€250", "+€250", "+€250", "+£220"],
            ["Ground work (trench across lawn or paving, per metre)", "+€45", "+€45", "+€50", "+£40"],
            ["4G module (no Wi-Fi at the parking space)", "+€79", "+€79", "+€79", "+£69"],
        ]),
        ("p", "Standard installation covers wall mounting on a brick or concrete wall, up to 10 m of cable from your fuse board, a dedicated circuit breaker and earth fault protection, commissioning and a demonstration. An earth rod, if your home needs one, costs €120 (UK: £110)."),
        ("h1", "2. From order to first charge"),
        ("steps", [
            "Order at voltara.example/home and pay a 20% deposit.",
            "Complete the photo survey in the app: your fuse board, the meter, the wall and the parking space. We review it within 3 working days and confirm the final price.",
            "Book an installation date. The first free date is usually within 10 working days of the survey being approved.",
            "On the day, the installer needs about 3 hours. Your electricity will be off for about 30 minutes.",
            "We take the rest of the price after the installation is finished and signed off.",
        ]),
        ("p", "In the UK we notify your electricity network operator for you. In Ireland, the Netherlands and Germany, a three-phase VH-22 may need approval from your network operator first; this can add 4 to 6 weeks."),
        ("h1", "3. Changing or cancelling your booking"),
        ("bullets", [
            "Change or cancel your installation date free of charge up to 48 hours before.",
            "Later than 48 hours before, or if nobody is home when the installer arrives, we charge a €95.00 (UK: £85.00) call-out fee.",
            "Cancel your whole order before the installation and we refund the deposit in full, minus any call-out fee.",
            "After installation you have no right to return the charger, but the 3-year warranty applies.",
        ]),
        ("h1", "4. Before the installer comes"),
        ("bullets", [
            "Clear access to the fuse board and the wall where the charger goes.",
            "Someone aged 18 or over must be home for the whole visit.",
            "Tenants need written permission from the landlord. Apartment owners need permission from the owners' association.",
            "Have your Wi-Fi password ready.",
        ]),
        ("h1", "5. Questions"),
        ("p", "Voltara Home team: 01 555 0168 (Monday to Saturday, 8:00 to 20:00), home@voltara.example. For using the charger after installation, see the Voltara Home charger user guide."),
    ],
    "roaming/partner-networks.pdf": [
        ("title", "Charging on partner networks (roaming)"),
        ("p", "Your Voltara Key and the Voltara app also work on chargers run by our partner networks in 14 European countries. Partner chargers are shown on the Voltara map with a purple bolt."),
        ("h1", "1. How to start"),
        ("bullets", [
            "Voltara Key: hold it on the partner charger's RFID reader. This works on nearly all partner chargers.",
            "App: tap the purple charger and Start charging. This works only where the partner charger shows 'App start' in the Voltara app.",
            "Bank cards at partner chargers are a separate contract with the partner; Voltara is not involved.",
        ]),
        ("h1", "2. What you pay"),
        ("grid", [
            ["Item", "Euro countries", "United Kingdom"],
            ["Energy and time charges", "The partner's price, shown in the app before you start", "The partner's price, shown in the app before you start"],
            ["Voltara roaming fee", "€0.50 per session", "£0.45 per session"],
            ["Partner idle or blocking fees", "Passed on at cost", "Passed on at cost"],
            ["Voltara Plus / Max member prices", "Do not apply", "Do not apply"],
        ]),
        ("p", "Some partners charge per minute as well as per kWh. The price in the app is the partner's latest price; if the partner changes it without telling us, you pay the partner's price at the time of the session."),
        ("h1", "3. When sessions appear"),
        ("p", "Partner networks send us session data after the session. It can take up to 21 days for a roaming session to appear in Activity and be charged to your card. No card hold is made for roaming sessions."),
        ("h1", "4. Problems at a partner charger"),
        ("bullets", [
            "Charger broken: report it to the partner using the phone number on the charger. We can't send engineers to partner chargers.",
            "Wrong charge on your Voltara account: report it in Activity > session > Report a problem within 30 days of the session appearing.",
            "Key not accepted: some partner chargers need up to 24 hours after a new Key is activated before they accept it.",
        ]),
        ("h1", "5. Fleet cards"),
        ("p", "Fleet cards work on partner networks unless the fleet manager has restricted them to Voltara chargers. Roaming fees for fleet cards are shown on the company invoice."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """The document's text as one string, for checking golden facts."""
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0b5cad")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Voltara - help.voltara.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Voltara",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Voltara"
    for kind, val in blocks:
        if kind in ("title", "h1"):
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
