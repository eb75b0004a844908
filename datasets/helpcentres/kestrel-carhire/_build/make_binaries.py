"""Build the PDF and DOCX documents of the Kestrel Car Hire help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "insurance/protection-and-excess.pdf": [
        ("title", "Protection products and excess: product summary"),
        ("p", "Kestrel Vehicle Rental Ltd. Document KH-IN-01, edition 2026/2. Underwritten for third-party liability by Northwall Insurance plc. Collision Damage Waiver (CDW), Theft Protection, Excess Reduction and Full Cover are waivers provided by Kestrel, not insurance policies."),
        ("h1", "1. Included in every rental"),
        ("bullets", [
            "Third-party liability: injury to other people and damage to their property, up to the legal minimum and at least €5,000,000.",
            "Collision Damage Waiver (CDW): limits what you pay for damage to the Kestrel vehicle to the excess below.",
            "Theft Protection: limits what you pay if the vehicle is stolen to the same excess. Keys must be returned; if the vehicle is stolen with the keys left in or on it, you pay the full value.",
        ]),
        ("h1", "2. Excess by protection level"),
        ("p", "The excess is the most you pay per incident for damage to, or theft of, the Kestrel vehicle. It is not the security hold taken on your card (see Deposits and card holds)."),
        ("grid", [
            ["Protection", "Cars A-E, X", "Cars F, P, M", "Vans V1-V4"],
            ["Basic (CDW + Theft Protection, included)", "€1,400", "€2,200", "€1,800"],
            ["Excess Reduction", "€400", "€600", "€500"],
            ["Full Cover", "€0", "€0", "€0"],
        ]),
        ("p", "Drivers under 25: Basic excess plus €500. Young drivers cannot buy Excess Reduction for groups D and E."),
        ("h1", "3. Daily prices"),
        ("grid", [
            ["Product", "Cars A-E, X", "Cars F, P, M", "Vans V1-V4"],
            ["Excess Reduction", "€13.50 per day", "€19.00 per day", "€16.00 per day"],
            ["Full Cover", "€26.00 per day", "€34.00 per day", "€29.00 per day"],
            ["Tyres and Glass Cover", "€6.50 per day", "€6.50 per day", "€8.00 per day"],
            ["Personal Accident Insurance", "€5.00 per day", "€5.00 per day", "€5.00 per day"],
        ]),
        ("p", "Daily protection charges are capped at 21 days per rental: rentals longer than 21 days pay for 21 days. Full Cover includes Tyres and Glass Cover and Roadside Plus. Protection must be chosen at the counter at pick-up and cannot be added or upgraded during the rental."),
        ("h1", "4. What each product covers"),
        ("grid", [
            ["Item", "Basic", "Excess Reduction", "Full Cover"],
            ["Bodywork damage", "Yes, excess applies", "Yes, lower excess", "Yes, no excess"],
            ["Tyres, wheels, windscreen, windows, mirrors glass", "No", "No", "Yes"],
            ["Underbody and roof", "No", "No", "No"],
            ["Overhead damage on vans (height strike)", "No", "No", "No"],
            ["Lost or broken keys", "No", "No", "Yes, via Roadside Plus, up to €400"],
            ["Interior damage, burns, stains", "No", "No", "No"],
            ["Wrong fuel", "No", "No", "No"],
            ["Damage handling fee €45.00", "Charged", "Charged", "Not charged"],
        ]),
        ("h1", "5. When no protection applies"),
        ("bullets", [
            "An unauthorised driver was driving.",
            "The driver was over the legal alcohol limit or under the influence of drugs.",
            "The vehicle was driven off public roads, on beaches, or in a country not allowed under the Cross-border Pack.",
            "The accident was not reported within 48 hours using the Accident Report Form.",
            "Damage was caused deliberately or by gross negligence.",
        ]),
        ("p", "In these cases you pay the full cost of the damage and any loss of use."),
        ("h1", "6. Excess insurance bought elsewhere"),
        ("p", "You may use an excess insurance policy from another company. Kestrel then treats your rental as Basic: we take the Basic security hold and charge damage up to the Basic excess. You claim the amount back from your own insurer. We provide the damage notice, photos and invoice for your claim on request within 5 working days."),
        ("h1", "7. Personal Accident Insurance"),
        ("p", "Covers the driver and passengers for accidental death (€25,000 per person) and medical expenses (up to €3,000 per person) after an accident in the Kestrel vehicle. Claims: Northwall Insurance, 01 555 0175."),
    ],
    "vans/van-hire-guide.pdf": [
        ("title", "Kestrel Van Hire: a guide for moving and business use"),
        ("p", "Vans are collected from Docklands (Kestrel Van Centre) and Northgate Retail Park. Vans are not available at Port Maren Airport or Maren Central. All vans are diesel, manual gearbox, 3 seats in the cab."),
        ("h1", "1. Van sizes"),
        ("grid", [
            ["Group", "Van", "Load length", "Load height", "Payload", "Vehicle height", "From per day"],
            ["V1", "Small van (car-derived)", "1.8 m", "1.2 m", "600 kg", "1.85 m", "€59.00"],
            ["V2", "Medium van, short wheelbase", "2.6 m", "1.4 m", "1,100 kg", "2.10 m", "€72.00"],
            ["V3", "Large van, long wheelbase, high roof", "3.7 m", "1.9 m", "1,300 kg", "2.75 m", "€89.00"],
            ["V4", "Luton box van with tail-lift", "4.1 m", "2.2 m", "1,000 kg", "3.40 m", "€119.00"],
        ]),
        ("p", "All vans have a gross vehicle weight of 3,500 kg or less and can be driven on a standard full car licence. Age and licence rules: see Driver requirements and licences."),
        ("h1", "2. Height: the most expensive mistake"),
        ("p", "Overhead damage (hitting a bridge, barrier, car park entrance, drive-through canopy or tree) is not covered by any protection product. You pay the full repair cost. The vehicle height is on a sticker inside the windscreen. Multi-storey car parks usually have a height limit of 2.10 m: V3 and V4 vans do not fit."),
        ("h1", "3. Tail-lift (V4 only)"),
        ("bullets", [
            "Maximum lift load: 500 kg, including the person operating it.",
            "Never ride on the tail-lift with a load.",
            "Stow and lock the tail-lift before driving. A warning buzzer sounds if it is not stowed.",
            "Tail-lift demonstration at pick-up takes about 10 minutes. Ask the agent.",
        ]),
        ("h1", "4. Van booking deposit"),
        ("p", "A van booking deposit of €100.00 is paid when you book any van. It is taken off your final rental bill. It is refunded if you cancel 48 hours or more before pick-up and kept if you cancel later or do not turn up. This is separate from the security hold taken at the counter."),
        ("h1", "5. Weekend Mover offer"),
        ("p", "Collect a V2 or V3 van on Saturday from 08:00 and return it by Monday 09:00 for a fixed €135.00, including 300 km. Extra kilometres at €0.25 per km. Pay at Counter rate only; not combined with Kestrel Club rewards."),
        ("h1", "6. Loading and returning"),
        ("steps", [
            "Spread weight evenly and put heavy items against the bulkhead.",
            "Secure loads with straps to the tie-down rings. Ratchet straps can be hired.",
            "Return the load area empty and swept. Rubbish left in the van: €60.00 removal charge.",
            "Return with a full diesel tank (Full to Full).",
        ]),
        ("h1", "7. Not allowed with vans"),
        ("bullets", [
            "Driving abroad, including by ferry.",
            "Carrying passengers in the load area.",
            "Carrying hazardous goods, gas bottles over 15 kg or livestock.",
        ]),
    ],
    "returns/damage-inspection-at-return.docx": [
        ("title", "Damage inspection at return"),
        ("p", "Ref. KH-RT-01. How Kestrel checks a vehicle when it comes back, what counts as damage, and how to dispute a charge. For what happens at night or when a branch is closed, see After-hours returns and pick-ups."),
        ("h1", "Inspection at the branch"),
        ("steps", [
            "Stay with the vehicle. The agent inspects the outside, wheels, windscreen and interior with you, using the Kestrel inspection tablet.",
            "The agent compares the vehicle with the damage chart on your rental agreement from pick-up.",
            "New damage is photographed and shown to you on the tablet. You can add a comment.",
            "You receive a return receipt by email showing fuel or charge level, kilometres and any new damage.",
        ]),
        ("p", "Returned when no agent is available, or after hours: the inspection is made without you at check-in. Photos you took at return are accepted as evidence."),
        ("h1", "Wear and tear we do not charge"),
        ("grid", [
            ["Type", "Not charged if"],
            ["Scratch", "Up to 25 mm long and not through the paint"],
            ["Stone chip on bodywork", "Up to 3 mm across"],
            ["Dent", "Up to 10 mm across with no paint damage"],
            ["Windscreen chip", "Up to 5 mm and outside the driver's line of sight"],
            ["Alloy wheel", "Light marks on the rim edge, no deeper than the paint"],
        ]),
        ("h1", "Damage price list"),
        ("p", "Fixed prices per item. The total for one incident never exceeds your excess, except in the cases where no protection applies."),
        ("grid", [
            ["Damage", "Cars", "Vans"],
            ["Scratch over 25 mm, one panel", "€180.00", "€210.00"],
            ["Dent up to 30 mm, one panel", "€240.00", "€260.00"],
            ["Dent over 30 mm, one panel", "€420.00", "€480.00"],
            ["Alloy wheel scuff", "€95.00 per wheel", "Not applicable"],
            ["Windscreen chip repair", "€75.00", "€75.00"],
            ["Windscreen replacement", "€650.00", "€720.00"],
            ["Tyre replacement", "€160.00", "€190.00"],
            ["Wing mirror glass", "€85.00", "€95.00"],
            ["Interior burn or tear", "€200.00", "€200.00"],
            ["Smoking (specialist cleaning)", "€150.00", "€150.00"],
        ]),
        ("p", "A damage handling fee of €45.00 is added to every damage charge, except for renters with Full Cover. Larger damage not on the list is charged at the repair invoice amount, up to your excess."),
        ("h1", "Damage notice"),
        ("p", "If new damage is found, we email a damage notice with photos, the price list items and the amount within 5 working days of check-in. The amount is taken from the security hold or charged to your card 14 days after the notice unless you dispute it."),
        ("h1", "Disputing a damage charge"),
        ("steps", [
            "Reply to the damage notice or email damage@kestrelhire.example within 14 days of the notice.",
            "Give your rental agreement number (starts RA-) and say which items you dispute.",
            "Attach your own photos or video from pick-up and return, with time stamps.",
            "The Damage & Claims Team (01 555 0130) replies within 10 working days. While a dispute is open, the disputed amount is not charged.",
        ]),
        ("p", "If you are still not satisfied, use the complaints process in the Renter's Handbook."),
    ],
    "terms/rental-agreement-key-terms.docx": [
        ("title", "Rental Agreement: key terms"),
        ("p", "Summary of the main terms of the Kestrel Rental Agreement (form RA-26). The full terms are printed on the back of your rental agreement and at kestrelhire.example/legal/terms. If this summary and the full terms differ, the full terms apply."),
        ("h1", "1. Rental period"),
        ("bullets", [
            "Rentals are charged in 24-hour periods from the pick-up time on the agreement. Minimum rental: 24 hours.",
            "Late return grace period: 29 minutes. From the 30th minute, one extra day is charged at the Pay at Counter rate for that day.",
            "Late return without an agreed extension: a €50.00 late return fee is added to the extra day.",
            "Vehicle not returned and no contact for 24 hours after the agreed return time: reported to the police as stolen.",
        ]),
        ("h1", "2. Early return"),
        ("p", "Pay Now: no refund for unused days. Pay at Counter: the rental is repriced at the rate for the actual rental length, which can be higher per day than the rate booked. Early return is not a cancellation."),
        ("h1", "3. Extending a rental"),
        ("p", "Call the pick-up branch or Customer Service on 01 555 0120 at least 24 hours before the return time. Extensions are charged at the Pay at Counter rate and must be approved; the security hold may be increased."),
        ("h1", "4. Who may drive"),
        ("p", "Only the main driver and additional drivers named on the rental agreement. Lending the vehicle to anyone else is a breach of the agreement and cancels all protection."),
        ("h1", "5. Use of the vehicle"),
        ("bullets", [
            "No smoking or vaping in the vehicle. Specialist cleaning charge: €150.00.",
            "No off-road driving, driving on beaches, or use for driving lessons.",
            "No carrying of paying passengers or goods for reward (vans: own goods and business use allowed).",
            "Driving abroad only with a Cross-border Pack on the agreement.",
        ]),
        ("h1", "6. Charges after the rental"),
        ("grid", [
            ["Charge", "Amount"],
            ["Lost key or key card", "€380.00"],
            ["Excessive dirt or sand inside (valeting)", "€45.00"],
            ["Late return fee (no extension agreed)", "€50.00"],
            ["Unauthorised drop-off at another branch", "€150.00 plus one-way fee"],
            ["Administration fee per traffic fine", "€38.00"],
            ["Damage handling fee (not with Full Cover)", "€45.00"],
        ]),
        ("p", "Charges found after the rental are charged to the card used at the counter within 30 days of the return, except fines, which can arrive later."),
        ("h1", "7. Personal belongings"),
        ("p", "Kestrel is not responsible for items left in the vehicle. See the Renter's Handbook for lost property."),
        ("h1", "8. Law"),
        ("p", "The agreement is governed by the law of the country of the pick-up branch."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#8a3b12")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Kestrel Car Hire - help.kestrelhire.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Kestrel Car Hire",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Kestrel Car Hire"
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
