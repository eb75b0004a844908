"""Build the PDF and DOCX documents of the Brightwell Dental help centre.

Run with: /tmp/hcvenv/bin/python _build/make_binaries.py (any Python with reportlab and python-docx;
/work/main/.venv/bin/python works too).
Outputs go to ../docs/. The source text lives in SOURCES below, as a list of
blocks: ("title", text), ("h1", text), ("h2", text), ("p", text),
("ul", [items]), ("ol", [items]), ("table", [[header...], [row...], ...]).
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"

PRICE_LIST = [
    ("title", "Brightwell Dental - Private Price List"),
    ("p", "Price list BW-PL-2026.3, effective from 1 September 2026 at all 12 Brightwell clinics. All prices are per treatment unless stated otherwise. Your dentist will always give you a written treatment plan with costs before starting any treatment over £150, and you can take time to think about it. Care Plan discounts are applied to the prices below where the plan allows."),
    ("h1", "1. Examinations and X-rays"),
    ("table", [
        ["Treatment", "Price"],
        ["New patient examination (40 minutes, includes X-rays)", "£65"],
        ["Routine check-up, existing patient (20 minutes)", "£55"],
        ["Child check-up, under 18 (15 minutes)", "£25"],
        ["Small X-ray (each)", "£15"],
        ["Full-mouth panoramic X-ray (OPG)", "£60"],
        ["Emergency appointment, clinic hours", "£85"],
        ["Emergency appointment, out of hours", "£140"],
    ]),
    ("h1", "2. Fillings and restorations"),
    ("table", [
        ["Treatment", "Price"],
        ["White (composite) filling, small", "£120"],
        ["White (composite) filling, large", "£175"],
        ["Temporary filling", "£40"],
        ["Porcelain crown", "£695"],
        ["Zirconia crown", "£795"],
        ["Re-cementing a crown that has come off", "£65"],
        ["Porcelain veneer (per tooth)", "£750"],
    ]),
    ("p", "We no longer place silver (amalgam) fillings. If you have old amalgam fillings, we will only replace them when there is a clinical reason to do so."),
    ("h1", "3. Root canal treatment"),
    ("table", [
        ["Treatment", "Price"],
        ["Root canal treatment, front tooth", "£420"],
        ["Root canal treatment, premolar", "£520"],
        ["Root canal treatment, molar", "£650"],
        ["Re-treatment of a previous root canal", "from £750"],
    ]),
    ("p", "A tooth that has had root canal treatment usually needs a crown afterwards to protect it. The crown is charged separately."),
    ("h1", "4. Extractions and oral surgery"),
    ("table", [
        ["Treatment", "Price"],
        ["Simple extraction", "£140"],
        ["Surgical extraction", "£295"],
        ["Wisdom tooth removal", "from £350"],
        ["Dry socket dressing within 14 days of an extraction at Brightwell", "Free"],
    ]),
    ("h1", "5. Dentures and implants"),
    ("table", [
        ["Treatment", "Price"],
        ["Acrylic partial denture", "from £450"],
        ["Full acrylic denture (one arch)", "£650"],
        ["Chrome cobalt partial denture", "from £1,150"],
        ["Denture repair (same-day where possible)", "from £85"],
        ["Single dental implant including crown", "£2,650"],
        ["Implant consultation with CT scan", "£150"],
    ]),
    ("p", "Implant treatment is available at Deansgate, Didsbury and Altrincham only. The implant consultation fee of £150 is deducted from the cost of treatment if you go ahead within 6 months."),
    ("h1", "6. Hygiene, cosmetic and other treatments"),
    ("table", [
        ["Treatment", "Price"],
        ["Hygiene visit, 30 minutes", "£75"],
        ["Hygiene visit, 45 minutes", "£98"],
        ["AirFlow stain removal (add-on)", "£20"],
        ["Home teeth whitening, both arches", "£295"],
        ["Clearline aligners", "from £2,450"],
        ["Sports mouthguard, custom-made", "£95"],
        ["Night guard for grinding", "£220"],
        ["IV sedation (per session, in addition to treatment)", "£250"],
    ]),
    ("h1", "7. Payment"),
    ("p", "Payment is due on the day of each appointment. For treatment plans of £1,000 or more, a deposit of 30% is payable when the first treatment appointment is booked. For ways to pay, including 0% finance, please see the Paying for your treatment guide."),
]

COMPLAINTS = [
    ("title", "Complaints and Feedback Procedure"),
    ("p", "Brightwell Dental Group Ltd. Procedure reference BW-CP-04, reviewed October 2026. This procedure applies to every Brightwell clinic and to all private treatment, Care Plans and services provided by Brightwell."),
    ("h1", "1. Our commitment"),
    ("p", "We want every patient to be happy with their care, but we know that sometimes things go wrong. If you are unhappy with any part of your treatment or the service you have received, we want to hear about it, and we will use what you tell us to improve. Making a complaint will never affect the care you receive from us."),
    ("h1", "2. How to make a complaint"),
    ("p", "You can complain in whichever way suits you:"),
    ("ul", [
        "speak to the practice manager at your clinic, in person or by phone;",
        "email complaints@brightwell.example;",
        "write to the Patient Experience Team, Brightwell Dental, 4 Corn Exchange Square, Manchester M4 3BW;",
        "use the feedback form in My Brightwell under Help > Give feedback.",
    ]),
    ("p", "Please make your complaint within 12 months of the treatment or event, or within 12 months of becoming aware of the problem. Someone else, such as a relative, may complain on your behalf if you give written consent."),
    ("h1", "3. What happens next"),
    ("table", [
        ["Stage", "What we do", "Time limit"],
        ["Acknowledgement", "We confirm we have received your complaint and tell you who is dealing with it", "Within 3 working days"],
        ["Investigation", "The practice manager looks into what happened, reviews your records and speaks to the people involved", "Usually within 10 working days"],
        ["Full response", "We write to you with our findings, an explanation and what we will do to put things right", "Within 20 working days"],
    ]),
    ("p", "If we need longer, for example because a dentist involved is away, we will tell you why and give you a new date, and we will update you at least every 10 working days until we send our full response."),
    ("h1", "4. If you are not satisfied with our response"),
    ("p", "If you are unhappy with the practice manager's response, you can ask for it to be reviewed by our Head of Patient Experience. Please ask within 28 days of the date of our response. The Head of Patient Experience will reply within a further 20 working days, and this is our final response."),
    ("p", "If you are still not satisfied after our final response, you can contact the Dental Complaints Service, an independent service for patients of private dentists, which is free to use. You can also raise concerns about a dental professional's fitness to practise with the General Dental Council."),
    ("h1", "5. Refunds and remedial treatment"),
    ("p", "Where our investigation finds that treatment was not of a reasonable standard, we may offer to repeat or correct the treatment at no charge, to refund some or all of the fee, or both. Fillings and crowns placed by Brightwell are guaranteed: we will replace a filling that fails within 12 months, and a crown that fails within 5 years, at no charge, provided you have attended your check-ups as recommended."),
    ("h1", "6. Compliments and suggestions"),
    ("p", "We love hearing when things go well too. Compliments are passed on to the team member concerned, and every suggestion is read by the practice manager."),
]

PAYING = [
    ("h1", "Paying for your treatment"),
    ("p", "We want the cost of your care to be clear from the start, with no surprises. This guide explains when payment is due, the ways you can pay, and how to spread the cost of bigger treatment."),
    ("h2", "When do I pay?"),
    ("p", "Payment is due on the day of each appointment, at the end of your visit. If your treatment is spread over several appointments, you only pay for the treatment carried out that day. For treatment plans of £1,000 or more, we ask for a deposit of 30% when you book the first treatment appointment, and the deposit comes off your final bill."),
    ("h2", "Ways to pay"),
    ("ul", [
        "Debit or credit card (Visa, Mastercard and American Express), including contactless up to the card limit",
        "Cash at reception (we can't accept cash over £500 in a single payment)",
        "Bank transfer, for treatment plans over £1,000 only; ask reception for our bank details",
        "0% finance for treatment over £500 (see below)",
    ]),
    ("p", "We don't accept cheques. Care Plan payments are taken separately by Direct Debit."),
    ("h2", "Spreading the cost with finance"),
    ("p", "For treatment costing £500 or more, you can apply to spread the cost through our finance partner, Ledgerline Finance. Finance is subject to status, and you must be 18 or over and live in the UK."),
    ("table", [
        ["Option", "Term", "Interest", "Deposit"],
        ["Interest-free", "6 or 12 months", "0% APR", "10%"],
        ["Low-cost", "24 or 36 months", "9.9% APR representative", "10%"],
    ]),
    ("p", "Representative example: treatment costing £2,650 with a 10% deposit of £265, and £2,385 over 12 months at 0% APR, is 12 monthly payments of £198.75. Total amount payable £2,650."),
    ("h2", "How to apply for finance"),
    ("ol", [
        "Ask your dentist for a written treatment plan. Finance can only be arranged against a treatment plan.",
        "Reception will send you a secure link to apply online with Ledgerline Finance. It takes about 10 minutes.",
        "You'll usually get a decision straight away. Once approved, you pay the 10% deposit to us.",
        "Treatment can start as soon as the finance agreement is signed.",
    ]),
    ("p", "Applying involves a credit check. Ledgerline Finance will tell you whether it's a soft or hard search before you agree."),
    ("h2", "Refunds"),
    ("p", "If you're owed a refund, for example because a planned treatment is no longer needed, we refund it to the card you paid with within 10 working days. Refunds of cash payments are made by bank transfer."),
    ("h2", "Questions about a bill"),
    ("p", "If you have a question about a bill or think we have made a mistake, email accounts@brightwell.example or call 0161 496 0210, Monday to Friday 9am to 5pm. Please have your patient number ready; you'll find it at the top of any receipt."),
]

ALIGNERS = [
    ("h1", "Clearline invisible aligners"),
    ("p", "Clearline aligners are a series of clear, removable trays that gradually straighten your teeth. Most people won't notice you're wearing them. This guide explains who they're for, what's involved and what it costs."),
    ("h2", "Are aligners right for me?"),
    ("p", "Aligners work well for crowded or gappy teeth and mild to moderate bite problems. They're available for adults and for teenagers aged 16 and over whose adult teeth have all come through. Your teeth and gums need to be healthy before you start, so any fillings or gum treatment will be done first. For more complex cases, we may recommend fixed braces with a specialist orthodontist instead."),
    ("h2", "Step by step"),
    ("ol", [
        "Free consultation (30 minutes): we talk about what you'd like to change and check whether aligners are suitable.",
        "Records appointment (£150): 3D scan, photos and X-rays. The £150 is deducted from the treatment price if you go ahead.",
        "Your digital plan: within 2 weeks we show you a 3D preview of how your teeth will move and confirm the price.",
        "Fitting: we fit your first aligners and show you how to wear and clean them.",
        "Progress checks every 8 weeks, either at the clinic or by sending photos through the Brightwell app.",
        "Retainers: at the end of treatment we fit retainers to hold your teeth in their new position.",
    ]),
    ("h2", "How long does treatment take?"),
    ("p", "Most treatments take between 6 and 12 months, and some mild cases finish in 4 months. You'll need to wear your aligners for at least 22 hours a day, taking them out only to eat, drink anything other than cold water, and brush your teeth. You move on to a new set of aligners every 1 to 2 weeks."),
    ("h2", "Prices"),
    ("table", [
        ["Treatment", "Price"],
        ["Clearline Lite (up to 14 aligners per arch, one or both arches)", "£2,450"],
        ["Clearline Complete (unlimited aligners for up to 24 months)", "£3,950"],
        ["Replacement aligner (lost or broken)", "£75 per aligner"],
        ["Fixed retainer (bonded wire), per arch", "£195"],
        ["Removable retainers, set of two (upper and lower)", "£180"],
    ]),
    ("p", "The price includes your aligners, progress checks, any refinement aligners needed during treatment and one set of removable retainers. Care Plan discounts don't apply to aligners, but you can spread the cost with 0% finance over 12 months."),
    ("h2", "After treatment"),
    ("p", "Teeth naturally try to move back. To keep your new smile, you'll need to wear your removable retainers every night for the first 12 months after treatment, and then at least 3 nights a week for life. Your teeth may move if you stop."),
    ("h2", "Lost or broken an aligner?"),
    ("p", "If you lose an aligner, move on to the next one if you have been wearing the current one for at least 5 days; otherwise go back to the previous one and call your clinic. We can order a replacement, which usually arrives within 7 working days."),
]


def flatten(blocks):
    """Plain text of a block list (used by the validator)."""
    out = []
    for kind, val in blocks:
        if kind in ("ul", "ol"):
            out.extend(val)
        elif kind == "table":
            for row in val:
                out.append(" | ".join(row))
        else:
            out.append(val)
    return "\n".join(out)


SOURCES = {
    "fees/private-price-list.pdf": PRICE_LIST,
    "patients/complaints-and-feedback.pdf": COMPLAINTS,
    "fees/paying-for-treatment.docx": PAYING,
    "treatments/clearline-aligners.docx": ALIGNERS,
}


def build_pdf(path, blocks):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph,
                                    SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    story = []
    for kind, val in blocks:
        if kind == "title":
            story.append(Paragraph(val, ss["Title"]))
        elif kind == "h1":
            story.append(Paragraph(val, ss["Heading1"]))
        elif kind == "h2":
            story.append(Paragraph(val, ss["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(val, body))
            story.append(Spacer(1, 3 * mm))
        elif kind in ("ul", "ol"):
            items = [ListItem(Paragraph(t, body)) for t in val]
            story.append(ListFlowable(items, bulletType="bullet" if kind == "ul" else "1"))
            story.append(Spacer(1, 3 * mm))
        elif kind == "table":
            data = [[Paragraph(c, body) for c in row] for row in val]
            t = Table(data, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightblue),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
            story.append(Spacer(1, 4 * mm))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm,
                          "Brightwell Dental Group Ltd, 4 Corn Exchange Square, Manchester M4 3BW")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=blocks[0][1],
                            author="Brightwell Dental",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path, blocks):
    import docx

    d = docx.Document()
    d.core_properties.title = blocks[0][1]
    d.core_properties.author = "Brightwell Dental"
    for kind, val in blocks:
        if kind in ("title", "h1"):
            d.add_heading(val, level=1)
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind == "p":
            d.add_paragraph(val)
        elif kind == "ul":
            for t in val:
                d.add_paragraph(t, style="List Bullet")
        elif kind == "ol":
            for t in val:
                d.add_paragraph(t, style="List Number")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    d.save(str(path))


def main():
    for rel, blocks in SOURCES.items():
        out = DOCS / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".pdf"):
            build_pdf(out, blocks)
        else:
            build_docx(out, blocks)
        print("wrote", out.relative_to(DOCS.parent), len(flatten(blocks).split()), "words")


if __name__ == "__main__":
    main()
