"""Build the PDF and DOCX documents of the SunMeadow help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Every binary document's source text is kept in DOCS below, so the golden files can be
checked without parsing PDF/DOCX. Output goes to ../docs/.
"""
from pathlib import Path

BUILD = Path(__file__).resolve().parent
DOCS_DIR = BUILD.parent / "docs"

# Block kinds: title, h1, h2, p, bullets (list), steps (numbered list), table (rows; first row = header)
SOURCES: dict[str, list[tuple[str, object]]] = {
    "warranties/warranty-summary.pdf": [
        ("title", "SunMeadow warranty summary"),
        ("p", "Document WS-7, for systems installed from 1 January 2026. This summary lists every warranty that comes with a SunMeadow solar or battery installation, who provides it and how to claim. Your warranty certificates in your handover pack give the full terms. Warranties start on your installation date."),
        ("h1", "1. Your warranties at a glance"),
        ("table", [
            ["Part", "Warranty length", "Provided by", "What it promises"],
            ["Solar panels (product)", "25 years", "Lumera, the panel manufacturer", "Free replacement of a panel with a defect in materials or manufacture"],
            ["Solar panels (performance)", "30 years", "Lumera", "Each panel still produces at least 87.4% of its rated power after 30 years"],
            ["Inverter", "12 years", "Voltaro, the inverter manufacturer", "Repair or replacement of a faulty inverter. Can be extended to 20 years"],
            ["SunVault 5 and SunVault 10 batteries", "10 years or 6,000 full cycles, whichever comes first", "SunMeadow", "The battery keeps at least 70% of its usable capacity"],
            ["Mounting rails and roof hooks", "15 years", "Fixa Systems", "Replacement of corroded or failed rails and hooks"],
            ["Wi-Fi dongle", "2 years", "SunMeadow", "Free replacement if it stops working"],
            ["Workmanship", "10 years", "SunMeadow, backed by Keystone Home Guarantees", "We fix any problem caused by the way we installed your system"],
        ]),
        ("h1", "2. Extending your inverter warranty"),
        ("p", "You can extend the Voltaro inverter warranty from 12 to 20 years for a one-off payment of €349. You must buy the extension within 24 months of your installation date, in the app under Settings > Warranties > Extend, or by calling Warranty claims on 01 555 0124."),
        ("h1", "3. Who pays for labour and scaffolding"),
        ("p", "For the first 10 years (while your workmanship guarantee runs), SunMeadow pays for the labour and any scaffolding needed to replace a faulty panel, inverter or battery under warranty. After 10 years, the manufacturer still supplies the replacement part free under its warranty, but you pay for labour and scaffolding. As a guide, labour to replace an inverter costs €220, and scaffolding to replace a panel costs from €650."),
        ("h1", "4. Registering your warranties"),
        ("p", "We register the panel, inverter and battery warranties with the manufacturers for you within 30 days of your installation. The certificates are added to your handover pack and to the app under Settings > Documents. You don't need to do anything."),
        ("h1", "5. What the warranties don't cover"),
        ("bullets", [
            "Damage from storms, lightning, fire, flood, falling trees or animals. Claim these on your home insurance.",
            "Scratches or damage caused by cleaning with a pressure washer, abrasive products or by walking on panels.",
            "Panels, inverters or batteries moved, opened or altered by anyone other than SunMeadow.",
            "Lower generation caused by new shade, dirt, or snow.",
            "A battery kept somewhere colder than -10 °C or hotter than 50 °C.",
        ]),
        ("h1", "6. How to make a warranty claim"),
        ("steps", [
            "Note what the inverter or battery display shows, and take photos if you can do so safely from the ground.",
            "Start a claim in the app under Support > Warranty claim, or call Warranty claims on 01 555 0124 (Monday to Friday, 9am to 5pm).",
            "We check your system remotely and tell you within 2 working days whether it looks like a warranty fault.",
            "An engineer visits within 10 working days to confirm the fault. If a part needs replacing, we order it and fit it at a second visit.",
        ]),
        ("p", "While you wait for a replacement inverter, your panels can't supply your home. If this takes more than 15 working days from the engineer's visit, we pay you €3 for each extra day, to make up for lost generation."),
        ("h1", "7. Moving house"),
        ("p", "Warranties stay with the system, not the owner. See Selling a home with SunMeadow panels for how to transfer them to your buyer."),
    ],
    "battery/sunvault-battery-guide.pdf": [
        ("title", "SunVault home battery: user guide"),
        ("p", "For SunVault 5 and SunVault 10 batteries installed by SunMeadow. Document SV-UG, edition 3. Keep this guide with your handover pack."),
        ("h1", "1. Specifications"),
        ("table", [
            ["", "SunVault 5", "SunVault 10"],
            ["Usable capacity", "5.1 kWh", "10.2 kWh"],
            ["Maximum power", "3 kW", "5 kW"],
            ["Weight", "52 kg", "98 kg"],
            ["Size (H x W x D)", "72 x 60 x 18 cm", "118 x 60 x 18 cm"],
            ["Operating temperature", "-10 °C to 50 °C", "-10 °C to 50 °C"],
            ["Protection rating", "IP65 (can be fitted outdoors)", "IP65 (can be fitted outdoors)"],
            ["Warranty", "10 years or 6,000 cycles", "10 years or 6,000 cycles"],
        ]),
        ("h1", "2. Where your battery can go"),
        ("p", "Batteries are fitted on a solid wall in a garage, utility room, hallway cupboard, loft with a boarded floor, or outside on a shaded wall. We don't fit batteries in bedrooms, on escape routes or in bathrooms. Keep at least 30 cm of clear space at each side and above the battery. Below 0 °C the battery stops charging to protect itself, but it can still supply your home."),
        ("h1", "3. The light ring"),
        ("table", [
            ["Light ring", "What it means", "What to do"],
            ["Steady green", "Working normally", "Nothing"],
            ["Pulsing blue", "Charging", "Nothing"],
            ["Steady white", "Backup mode: powering your home during a power cut", "Save power: avoid kettles, ovens and showers"],
            ["Steady amber", "Standby: too cold, or empty and waiting for sun", "Nothing. It restarts by itself"],
            ["Flashing red", "Fault", "Check the error code in the app. If the battery is beeping, call 01 555 0129"],
        ]),
        ("h1", "4. Error codes"),
        ("table", [
            ["Code", "Meaning", "What to do"],
            ["B01", "Cell temperature too low to charge", "Nothing. Charging restarts when the battery warms above 2 °C"],
            ["B04", "Battery too hot", "Clear anything stored around the battery. It restarts after cooling for about 1 hour"],
            ["B07", "No communication with the inverter", "Restart the system (section 6). If B07 comes back within 24 hours, report a fault"],
            ["B12", "Insulation fault", "Do not touch the battery. Call the urgent safety line on 01 555 0129"],
            ["B20", "Firmware update in progress", "Wait. Don't switch off for 30 minutes"],
        ]),
        ("h1", "5. Battery settings in the app"),
        ("bullets", [
            "Backup reserve: the charge kept for power cuts. The default is 10%; you can choose from 0% to 80%. The reserve only matters if you have a Backup Gateway.",
            "Charge limit: by default the battery charges to 100%. You can set a lower limit, but this doesn't extend its warranty.",
            "Smart charge (SunMeadow Plus): charges from the grid overnight at the cheapest rate of your electricity tariff.",
        ]),
        ("h1", "6. Restarting the battery"),
        ("steps", [
            "In the app, tap Battery > Restart. If this works, you don't need to go further.",
            "If the app can't reach the battery, press the power button on the right side of the battery for 3 seconds until the light ring goes off.",
            "Switch off the battery isolator (labelled 'Battery DC isolator') next to the battery.",
            "Wait 2 minutes.",
            "Switch the battery isolator on, then press the power button for 1 second. The light ring turns green within 5 minutes.",
        ]),
        ("h1", "7. Safety"),
        ("p", "Never open the battery case, and never try to move a battery yourself: a SunVault 10 weighs 98 kg. Don't store flammable liquids, or lean bikes or tools, against the battery. If the battery is beeping, you smell burning or see smoke, leave the building, call the fire service and then our urgent safety line on 01 555 0129 (24 hours)."),
    ],
    "finance/brightwater-finance-agreement-explained.docx": [
        ("title", "Your Brightwater finance agreement explained"),
        ("p", "This guide explains, in plain language, the main terms of the credit agreement you sign with Brightwater Finance Ltd when you pay for your SunMeadow system with a SunStart or SunSpread plan. Your signed agreement is the legal document; if anything here differs, the agreement applies. Brightwater customer services: 01 555 0135, Monday to Friday 9am to 5.30pm, or help@brightwater-finance.example."),
        ("h1", "Withdrawing from the agreement"),
        ("p", "You can withdraw from the credit agreement within 14 days, starting the day after you sign it. You don't need to give a reason. Tell Brightwater by phone, email or letter. You must then repay everything Brightwater has paid to SunMeadow, plus interest for each day you had the money, within 30 days of telling Brightwater."),
        ("p", "Withdrawing from the finance agreement does not cancel your SunMeadow order. You still have your solar system and must pay for it another way. To cancel the order itself, see Cancelling or rescheduling an order."),
        ("h1", "Your monthly payments"),
        ("bullets", [
            "Payments are taken by direct debit. You choose the payment date, any day from the 1st to the 28th of the month.",
            "Your first payment is one month after your installation day.",
            "Your interest rate is fixed: the monthly payment never changes.",
            "You can change your payment date once every 12 months by calling Brightwater.",
        ]),
        ("h1", "If a payment is missed"),
        ("steps", [
            "Brightwater tries the direct debit again 5 days later.",
            "If the second attempt fails, a late payment fee of €15 is added to your account and Brightwater writes to you.",
            "After 2 missed payments in a row, Brightwater sends a formal notice of arrears, and missed payments may be reported to credit reference agencies.",
        ]),
        ("h1", "Paying extra or settling early"),
        ("p", "You can pay off some or all of your loan early, at any time, with no early settlement fee on any plan. Partial overpayments must be at least €250; you choose whether to shorten the term or reduce the monthly payment. To pay off the whole loan, ask Brightwater for a settlement figure. A settlement figure is valid for 28 days."),
        ("h1", "Who owns the system"),
        ("p", "You own your solar system from your installation day. The loan is a personal loan in your name: it is not secured on your home and there is no charge on your property. Brightwater cannot take back your panels if you miss payments, but it can take other recovery action."),
        ("h1", "Selling your home"),
        ("p", "Because the loan is personal to you, it doesn't pass to the buyer of your home and the buyer can't take it over. You can keep paying as normal after you move, or settle the loan early with no fee. Brightwater only needs your new address."),
        ("h1", "Complaints about your finance"),
        ("p", "Complaints about the loan go to Brightwater, not SunMeadow: complaints@brightwater-finance.example. Brightwater gives a final response within 8 weeks. If you are unhappy with the response, you can refer your complaint to the Financial Ombudsman Service free of charge."),
    ],
    "moving-house/selling-a-home-with-panels.docx": [
        ("title", "Selling a home with SunMeadow panels"),
        ("p", "Moving house? This guide covers what happens to your warranties, export payments, finance and app account when you sell a home with a SunMeadow system, and what to do if you want to take your panels with you. Questions: Customer care, 01 555 0121."),
        ("h1", "1. Tell us early"),
        ("p", "Let us know at least 4 weeks before your completion date, in the app under Settings > Moving house. We email you a checklist and a buyer's information sheet to give to your estate agent."),
        ("h1", "2. Documents for the buyer's solicitor"),
        ("p", "The buyer's solicitor will usually ask for the electrical installation certificate, the building regulations certificate, the grid notification or approval letter and the warranty certificates. Download them free from the app under Settings > Documents. If you'd like a printed and bound copy of the full handover pack posted to you, it costs €25."),
        ("h1", "3. Warranties"),
        ("table", [
            ["Warranty", "What happens when you sell"],
            ["Panel, inverter, battery and mounting warranties", "Stay with the system. We transfer them to the buyer free if the buyer asks within 90 days of completion. After 90 days, the transfer fee is €75."],
            ["Workmanship guarantee and insurance-backed guarantee", "Pass to the buyer automatically, with no fee."],
            ["Inverter warranty extension (if you bought one)", "Passes to the buyer with the inverter warranty."],
            ["CareBasic or CarePlus service plan", "Doesn't transfer. Cancel yours; the buyer can join a plan."],
        ]),
        ("h1", "4. Export payments"),
        ("steps", [
            "In the app, go to Money > Export > End agreement and enter your completion date.",
            "Submit a final meter reading within 7 days after completion.",
            "We send your final export payment within 60 days of completion.",
            "The buyer applies for their own export tariff using the installation certificate number.",
        ]),
        ("h1", "5. Your finance agreement"),
        ("p", "Your Brightwater loan is personal to you and doesn't transfer to the buyer. Keep paying as usual or settle early without a fee. See Your Brightwater finance agreement explained."),
        ("h1", "6. Handing over the app"),
        ("p", "Don't just close your app account: the buyer needs the system to be transferred. On or after completion, go to Settings > System > Transfer ownership and enter the buyer's email address. The buyer gets an invitation link that is valid for 14 days. Once they accept, you lose access to the system and all its history moves to them. Household members you invited are removed."),
        ("h1", "7. Taking your panels with you"),
        ("p", "It's possible, but rarely worth it. Our removal and refit service costs from €1,650 for up to 12 panels, plus scaffolding at both homes, and your new home needs its own survey, and possibly planning and grid approval. Panels we refit at a new address get a 2-year workmanship guarantee on the new installation; the manufacturers' warranties carry on as before. Moving a battery on its own costs €450."),
        ("h1", "8. Buying a home that already has panels"),
        ("p", "If the panels were installed by SunMeadow, ask the seller to transfer the system to you in the app, and ask us to transfer the warranties within 90 days of completion. If they were installed by another company, we can't take over their warranties, but we can carry out a one-off service visit."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """Source text as one string (what check_golden.py searches)."""
    lines: list[str] = []
    for kind, val in blocks:
        if kind in ("bullets", "steps"):
            lines.extend(val)  # type: ignore[arg-type]
        elif kind == "table":
            lines.extend(" | ".join(r) for r in val)  # type: ignore[union-attr]
        else:
            lines.append(str(val))
    return "\n".join(lines)


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
    flow = []
    for kind, val in blocks:
        if kind == "title":
            flow.append(Paragraph(escape(str(val)), ss["Title"]))
        elif kind == "h1":
            flow.append(Paragraph(escape(str(val)), ss["Heading2"]))
        elif kind == "h2":
            flow.append(Paragraph(escape(str(val)), ss["Heading3"]))
        elif kind == "p":
            flow.append(Paragraph(escape(str(val)), body))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(v), body)) for v in val]  # type: ignore[union-attr]
            if kind == "steps":
                flow.append(ListFlowable(items, bulletType="1", start="1", leftIndent=14))
            else:
                flow.append(ListFlowable(items, bulletType="bullet", leftIndent=14))
        elif kind == "table":
            data = [[Paragraph(escape(c), body) for c in r] for r in val]  # type: ignore[union-attr]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2b705")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            flow.append(t)
        flow.append(Spacer(1, 2.5 * mm))
    title = next(str(v) for k, v in blocks if k == "title")

    def deco(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(18 * mm, 10 * mm, "SunMeadow Energy Ltd  |  help.sunmeadow.example  |  01 555 0121")
        canvas.drawRightString(192 * mm, 10 * mm, "%d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="SunMeadow Energy",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(flow, onFirstPage=deco, onLaterPages=deco)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "SunMeadow Energy"
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
            for v in val:  # type: ignore[union-attr]
                d.add_paragraph(v, style="List Number" if kind == "steps" else "List Bullet")
        elif kind == "table":
            rows = list(val)  # type: ignore[arg-type]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
                    if i == 0:
                        for run in t.cell(i, j).paragraphs[0].runs:
                            run.bold = True
    d.save(str(path))


def main() -> None:
    for rel, blocks in SOURCES.items():
        out = DOCS_DIR / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        (build_pdf if rel.endswith(".pdf") else build_docx)(out, blocks)
        print("wrote", rel, len(plain_text(blocks).split()), "words")


if __name__ == "__main__":
    main()
