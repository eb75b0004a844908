"""Build the PDF and DOCX documents of the Larchmont Opticians help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of each binary document is kept in SOURCES so that golden facts can be
checked without parsing PDF/DOCX. Output files are written to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Block kinds: title, h1, h2, p, bullets (list), steps (list), grid (list of rows, first row = header)
SOURCES: dict[str, list[tuple[str, object]]] = {
    "contact-lenses/contact-lens-aftercare.pdf": [
        ("title", "Your contact lens aftercare guide"),
        ("p", "Larchmont Opticians. Leaflet CL-07, November 2026. Please keep this leaflet handy for the first few weeks of wearing your lenses. It applies to all contact lenses supplied by Larchmont, whether you're on LensClub or not."),
        ("h1", "1. Wearing times"),
        ("p", "Your eyes need time to get used to lenses. Build up slowly during your first week, then stick to the maximum daily wearing time below."),
        ("grid", [
            ["Lens type", "First week", "Maximum per day after that", "Replace"],
            ["Daily disposable", "4 hours on day 1, adding 2 hours a day", "12 hours", "Throw away after each use"],
            ["Monthly silicone hydrogel", "4 hours on day 1, adding 2 hours a day", "14 hours", "30 days after opening, even if worn less"],
            ["Toric (astigmatism)", "4 hours on day 1, adding 1 hour a day", "12 hours", "As for your lens type"],
            ["Multifocal", "6 hours on day 1, adding 2 hours a day", "12 hours", "As for your lens type"],
        ]),
        ("p", "Never sleep in your lenses, not even for a nap, unless your optometrist has fitted you with lenses approved for overnight wear and told you so in writing."),
        ("h1", "2. Handling and hygiene"),
        ("bullets", [
            "Wash and fully dry your hands before touching your lenses.",
            "Never use tap water, bottled water or saliva on your lenses or case.",
            "Take your lenses out before swimming, showers, hot tubs and saunas.",
            "Replace your lens case every month. LensClub members get a free new case in every box.",
            "Throw away an opened bottle of solution 90 days after opening, even if there is some left.",
            "Put your lenses in before make-up and take them out before removing it.",
        ]),
        ("h1", "3. Warning signs: remember R.E.D."),
        ("p", "Take your lenses out straight away and get help the same day if you notice any of these:"),
        ("bullets", [
            "Redness that does not go away within an hour of taking the lenses out.",
            "Eye pain, or your eye being very sensitive to light.",
            "Decreased or blurry vision that does not clear with blinking.",
        ]),
        ("p", "During opening hours, call Customer Care on 01 555 0120 and say it is a contact lens emergency: we will see you the same day at the nearest store, free of charge. Outside opening hours, go to your nearest hospital emergency department. Bring your lenses and case in a clean bag so they can be tested."),
        ("h1", "4. Aftercare appointments"),
        ("p", "An aftercare appointment takes about 20 minutes. The optometrist checks the health of the front of your eye, how your lenses fit and whether your prescription has changed. You need one every 12 months, or sooner if your optometrist asks."),
        ("bullets", [
            "LensClub members: aftercare is included in your plan.",
            "Not a LensClub member: aftercare costs £20.00.",
            "Bring your lenses in (worn for at least 2 hours that day) and your glasses.",
        ]),
        ("h1", "5. Travel tips"),
        ("p", "Take a spare pair of lenses and your glasses on every trip. On flights, eyes get dry after about 3 hours: use the rewetting drops recommended by your optometrist, or wear your glasses for long flights."),
    ],
    "warranty/breakage-cover.pdf": [
        ("title", "Breakage Cover: policy summary"),
        ("p", "This summary explains Breakage Cover and Breakage Cover Plus from Larchmont Opticians. The cover is arranged by Larchmont Opticians Ltd and provided by Northgate Assurance plc. It covers accidents. Manufacturing faults are already covered free by our frame warranty (see Frame warranty and repairs) and do not need this policy."),
        ("h1", "At a glance"),
        ("grid", [
            ["", "Breakage Cover", "Breakage Cover Plus"],
            ["Price per pair for 12 months", "£19.00", "£35.00"],
            ["Accidental damage (dropped, sat on, chewed by a pet)", "Covered", "Covered"],
            ["Loss", "Not covered", "Covered"],
            ["Theft", "Not covered", "Covered, with a police crime reference"],
            ["Claims per 12 months", "2", "2"],
            ["Excess per claim, single-vision glasses", "£10.00", "£10.00"],
            ["Excess per claim, varifocals and bifocals", "£20.00", "£20.00"],
            ["Excess for a loss or theft claim", "Not applicable", "£30.00"],
        ]),
        ("h1", "Buying the cover"),
        ("p", "You can add Breakage Cover when you order your glasses, or up to 14 days after you collect them or they are delivered. After 14 days it can no longer be added. Cover starts the day you pay and lasts 12 months. It covers one named pair of prescription glasses, or prescription sunglasses, bought from Larchmont."),
        ("h1", "What is covered"),
        ("bullets", [
            "Accidental breakage of the frame, arms or hinges.",
            "Cracked, chipped or badly scratched lenses caused by an accident.",
            "Damage caused by pets.",
            "With Breakage Cover Plus only: glasses that are lost, or stolen. Report a theft to the police within 48 hours and keep the crime reference.",
        ]),
        ("h1", "What is not covered"),
        ("bullets", [
            "Deliberate damage.",
            "Light scratches from everyday wear and cleaning.",
            "Contact lenses and non-prescription sunglasses.",
            "Cases, cloths and chains.",
            "Glasses left unattended in a public place (for loss claims under Breakage Cover Plus).",
        ]),
        ("h1", "How to claim"),
        ("steps", [
            "Bring the broken glasses to any Larchmont store, or start a claim online under My orders > Breakage Cover > Make a claim.",
            "Pay the excess for your claim.",
            "We repair or replace the glasses with the same frame (or the closest one in the same range) and the same lenses.",
            "Replacements are ready within 7 working days.",
        ]),
        ("p", "If you need glasses in the meantime, we can make a free pair of Essentials single-vision glasses in 2 working days while your claim is handled."),
        ("h1", "Cancelling the cover"),
        ("p", "You can cancel within 14 days of buying the cover for a full refund, as long as you have not made a claim. After that the cover cannot be refunded. Questions about this policy: call Customer Care on 01 555 0120."),
    ],
    "warranty/frame-warranty-and-repairs.docx": [
        ("title", "Frame warranty and repairs"),
        ("p", "Every pair of glasses from Larchmont Opticians comes with a free warranty against manufacturing faults. This document explains what the warranty covers, what repairs cost when it does not apply, and how long repairs take. Accidental damage is not a manufacturing fault: for that, see Breakage Cover, or for children's glasses the Kids' Breakage Promise."),
        ("h1", "How long the warranty lasts"),
        ("grid", [
            ["Range", "Warranty against manufacturing faults"],
            ["Essentials", "12 months"],
            ["Signature", "12 months"],
            ["Designer", "24 months"],
            ["Kids' range", "12 months"],
            ["Lenses and coatings (all ranges)", "12 months"],
        ]),
        ("p", "The warranty starts on the day you collect your glasses or on the day they are delivered."),
        ("h1", "What counts as a manufacturing fault"),
        ("bullets", [
            "A solder joint or weld that breaks without being dropped or bent.",
            "Anti-glare coating that peels or crazes.",
            "Plastic frames that crack at the hinge during normal use.",
            "Lenses that come loose in a correctly fitted frame.",
        ]),
        ("p", "Under warranty we repair the glasses or, if they cannot be repaired, replace them with the same frame or the closest one in the same range, with the same lenses. There is nothing to pay."),
        ("h1", "Repairs outside the warranty"),
        ("p", "If your glasses are out of warranty or the damage was an accident and you don't have Breakage Cover, we can still repair them. These are our standard repair prices:"),
        ("grid", [
            ["Repair", "Price", "Usually ready in"],
            ["Replacement screw", "Free", "While you wait"],
            ["Replacement nose pads", "Free", "While you wait"],
            ["Hinge repair", "£15.00", "5 working days"],
            ["Frame re-solder (metal frames)", "£25.00", "7 working days"],
            ["Replacement arm", "£20.00", "7 working days"],
            ["New single-vision lenses in your frame", "from £35.00", "7 working days"],
            ["New varifocal lenses in your frame", "from £75.00", "10 working days"],
        ]),
        ("h1", "Frames bought somewhere else"),
        ("p", "We are happy to look at glasses that were not bought from us. There is a £10.00 assessment fee, which we take off the price of the repair if you go ahead. We cannot guarantee repairs on frames from other shops, and we do not re-glaze rimless frames from other shops."),
        ("h1", "Sending glasses for repair by post"),
        ("steps", [
            "Request a prepaid repair envelope under My orders > Repairs, or by calling Customer Care on 01 555 0120.",
            "Put your glasses in a hard case, then in the envelope, and post it.",
            "We email you a quote within 2 working days of receiving them. Nothing is repaired until you agree to the price.",
            "Repaired glasses are sent back by tracked post free of charge.",
        ]),
    ],
    "vouchers/employer-eyecare-vouchers.docx": [
        ("title", "Employer eyecare vouchers: a guide for employers and staff"),
        ("p", "Many employers pay for eye tests and screen glasses for staff who use computer screens for work. Larchmont eyecare vouchers make that simple. They are bought by an employer for their staff. They are not gift cards: for gifts, see Larchmont gift cards."),
        ("h1", "Part 1: For staff using a voucher"),
        ("h2", "Voucher types"),
        ("grid", [
            ["Voucher", "Value", "What it covers"],
            ["Eye Test Voucher", "£25.00", "A standard eye test"],
            ["Screen Glasses Voucher", "£65.00", "A standard eye test plus Essentials single-vision glasses with anti-glare coating, if your optometrist says you need glasses for screen use"],
        ]),
        ("h2", "Using your voucher"),
        ("steps", [
            "Book a standard eye test online or by phone and choose Employer voucher as the payment method.",
            "Enter your 10-character voucher code. All codes start with LMV.",
            "Bring your work email or staff ID to the appointment.",
        ]),
        ("p", "If you pick a frame from Signature or Designer, or add lens upgrades, the voucher pays the first £40.00 towards the glasses and you pay the rest. Vouchers cannot be exchanged for cash, and any unused value is lost. The second pair deal cannot be used together with an employer voucher."),
        ("h2", "How long a voucher lasts"),
        ("p", "Eyecare vouchers are valid for 12 months from the date they are issued. The expiry date is shown in the voucher email. We cannot extend expired vouchers; ask your employer for a new one."),
        ("h2", "Lost your code?"),
        ("p", "Codes can only be re-sent by your employer's voucher administrator, because we do not know which code belongs to which employee."),
        ("h1", "Part 2: For employers"),
        ("h2", "Ordering vouchers"),
        ("bullets", [
            "Order through the Larchmont Business portal at business.larchmont.example.",
            "The minimum order is 5 vouchers.",
            "We send you an invoice, payable within 30 days.",
            "Vouchers are emailed to your administrator within 1 working day of the order, ready to pass on.",
        ]),
        ("h2", "Safety glasses"),
        ("p", "For staff who need prescription safety glasses, employers can add a Safety Glasses Voucher (£95.00) to any order. Safety glasses are made with EN166-marked frames and take 15 working days. They are ordered through the employer and cannot be returned under our 30-day returns promise."),
        ("h2", "Reports"),
        ("p", "Administrators can download a report of which vouchers have been used (but not any clinical results) from the portal at any time."),
    ],
}


def plain_text(blocks: list[tuple[str, object]]) -> str:
    """All text of a document, used to check golden facts."""
    lines: list[str] = []
    for kind, val in blocks:
        if kind in ("title", "h1", "h2", "p"):
            lines.append(str(val))
        elif kind in ("bullets", "steps"):
            lines.extend(str(v) for v in val)  # type: ignore[union-attr]
        elif kind == "grid":
            lines.extend(" | ".join(r) for r in val)  # type: ignore[union-attr]
    return "\n".join(lines)


def build_pdf(path: Path, blocks: list[tuple[str, object]]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    flow = []
    for kind, val in blocks:
        if kind == "title":
            flow.append(Paragraph(escape(str(val)), styles["Title"]))
        elif kind == "h1":
            flow.append(Paragraph(escape(str(val)), styles["Heading2"]))
        elif kind == "h2":
            flow.append(Paragraph(escape(str(val)), styles["Heading3"]))
        elif kind == "p":
            flow.append(Paragraph(escape(str(val)), body))
        elif kind in ("bullets", "steps"):
            items = [ListItem(Paragraph(escape(str(v)), body)) for v in val]  # type: ignore[union-attr]
            if kind == "steps":
                flow.append(ListFlowable(items, bulletType="1", start="1", leftIndent=14))
            else:
                flow.append(ListFlowable(items, bulletType="bullet", leftIndent=14))
        elif kind == "grid":
            data = [[Paragraph(escape(c), body) for c in row] for row in val]  # type: ignore[union-attr]
            table = Table(data, repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b4c7e")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            flow.append(table)
        flow.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def page_footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Larchmont Opticians - help.larchmont.example - 01 555 0120")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Larchmont Opticians",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(flow, onFirstPage=page_footer, onLaterPages=page_footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Larchmont Opticians"
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
                d.add_paragraph(str(v), style=style)
        elif kind == "grid":
            rows = list(val)  # type: ignore[arg-type]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
                    if i == 0:
                        for run in t.cell(i, j).paragraphs[0].runs:
                            run.bold = True
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
