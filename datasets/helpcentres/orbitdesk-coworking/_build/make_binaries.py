"""Build the PDF and DOCX documents of the OrbitDesk coworking help centre.

Run with: /tmp/hcvenv/bin/python _build/make_binaries.py (any Python with reportlab and python-docx;
/work/main/.venv/bin/python works too).
Outputs go to ../docs/. The source text lives in SOURCES below, as a list of
blocks: ("title", text), ("h1", text), ("h2", text), ("p", text),
("ul", [items]), ("ol", [items]), ("table", [[header...], [row...], ...]).
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"

INVOICES = [
    ("title", "OrbitDesk - Invoices and Payments"),
    ("p", "Billing guide OD-BIL-2026.2. Applies to all monthly memberships, add-ons and extras at all OrbitDesk locations. All prices exclude VAT unless stated."),
    ("h1", "1. When we bill"),
    ("ul", [
        "Monthly memberships are billed in advance on the 1st of each month.",
        "First month: pro rata from your start date, plus your deposit if your plan has one.",
        "Usage charges (extra credits, printing, catering, guest day passes, hold fees) from the previous month are added to the invoice on the 1st.",
        "Day Passes and Flex 10 packs are paid at purchase.",
    ]),
    ("h1", "2. VAT"),
    ("p", "Irish VAT at 23% is added to all membership fees, add-ons and extras. Business members registered for VAT in another EU country may be able to have VAT reverse-charged on membership fees: enter your VAT number in Member Portal > Billing > Company details before the invoice date. We cannot re-issue past invoices without VAT."),
    ("h1", "3. How to pay"),
    ("table", [
        ["Method", "Who", "Notes"],
        ["SEPA Direct Debit", "All monthly plans (default)", "Collected on the 3rd working day of the month"],
        ["Card (Visa, Mastercard)", "All plans", "Charged on the invoice date. No surcharge"],
        ["American Express", "All plans", "2% surcharge"],
        ["Bank transfer", "Private Office only", "Must arrive within 7 days of the invoice date; quote the invoice number"],
    ]),
    ("p", "We do not accept cash for memberships. Change your payment method in Member Portal > Billing > Payment method."),
    ("h1", "4. Finding your invoices"),
    ("p", "Every invoice is emailed as a PDF to the billing contact on the account. All invoices from the last 24 months are in Member Portal > Billing > Invoices. To change the billing contact or company name and address on future invoices, update Member Portal > Billing > Company details by the 25th of the month; changes made after the 25th apply from the following invoice. We can re-issue invoices from the last 3 months with corrected company details free of charge; older re-issues cost €10 per invoice."),
    ("h1", "5. Failed and late payments"),
    ("table", [
        ["Days after due date", "What happens"],
        ["Day 0", "Payment fails. We email the billing contact and retry after 3 days."],
        ["Day 3", "Second attempt. If it fails, a late payment fee of €20 is added."],
        ["Day 7", "Access cards and mobile keys for everyone on the account are suspended. Room bookings are cancelled."],
        ["Day 30", "Membership ends. The deposit is applied to the balance and any remaining debt is passed to our collection agency."],
    ]),
    ("p", "Access is restored within 1 working hour of the overdue amount being paid by card in Member Portal > Billing > Pay now. Payments by bank transfer take up to 2 working days to restore access."),
    ("h1", "6. Disputes and billing questions"),
    ("p", "If you think an invoice is wrong, email billing@orbitdesk.example within 30 days of the invoice date, with the invoice number. We reply within 2 working days. The disputed amount will not be collected while we look into it, and no late fee applies to it."),
]

HOUSE_RULES = [
    ("title", "OrbitDesk House Rules"),
    ("p", "Version 5, effective 1 September 2026. These rules form part of your membership terms and apply to members and their guests at every OrbitDesk location."),
    ("h1", "1. Noise and calls"),
    ("ul", [
        "Quiet zones (marked with a blue floor strip): no calls, no conversations, headphones only.",
        "Open coworking areas: short calls are fine at a normal speaking voice. No speakerphone.",
        "Video calls longer than 15 minutes: use a phone booth or book a room.",
    ]),
    ("h1", "2. Desks"),
    ("ul", [
        "Hot desks: clear your desk when you leave. Items left on hot desks at 20:00 are removed and kept at reception for 7 days.",
        "Fixed desks: keep the desk reasonably tidy. Nothing on the floor around it, for cleaning.",
        "Don't reserve hot desks with bags or coats for more than 1 hour.",
        "No personal heaters, kettles or extension leads at desks (fire safety).",
    ]),
    ("h1", "3. Dogs"),
    ("p", "Dogs are welcome at Cork Penrose Dock and Galway Docks on Fridays only, from 08:00 to 18:00. Dogs are not allowed at the Dublin locations, except assistance dogs, which are welcome at every location on every day. To bring a dog, register it in the app under Profile > My dog at least 48 hours before the first visit and upload proof of up-to-date vaccinations. One dog per member. Dogs must be on a lead in shared areas, stay out of kitchens and meeting rooms, and the owner must clean up after them. A dog that barks repeatedly or shows aggression may be asked to leave, and its registration may be withdrawn."),
    ("h1", "4. Food, drink and alcohol"),
    ("ul", [
        "Eat hot or strong-smelling food in the kitchen, not at desks.",
        "Alcohol only at OrbitDesk events, at approved member events, and at Friday social hour from 16:00.",
        "Members bringing their own alcohol to a meeting room must ask reception first.",
    ]),
    ("h1", "5. Use of the space"),
    ("ul", [
        "No overnight stays. OrbitDesk is not residential: you may not sleep in the building.",
        "No selling to other members without their consent (cold pitching in person, flyering).",
        "Photography and filming: you need the consent of anyone who can be identified. Filming in shared areas needs reception's permission.",
        "Smoking and vaping: not in the building, and not within 5 metres of any entrance.",
        "Business use must be legal and in line with your membership terms. No medical or cosmetic treatments on site.",
    ]),
    ("h1", "6. Security"),
    ("ul", [
        "Never let someone in who doesn't have their own card or a guest QR code.",
        "Report lost cards straight away in the app.",
        "Don't leave laptops unattended overnight on hot desks. OrbitDesk is not liable for items left in shared areas.",
    ]),
    ("h1", "7. If the rules are broken"),
    ("table", [
        ["Step", "What happens"],
        ["1", "Friendly reminder from the community team"],
        ["2", "Written warning by email"],
        ["3", "Suspension of access for up to 7 days"],
        ["4", "Membership ended with 7 days' notice (immediately for violence, theft or harassment)"],
    ]),
    ("p", "To report a problem with another member, talk to reception or email community@orbitdesk.example. Reports are handled in confidence."),
]

REG_ADDRESS = [
    ("h1", "Registered business address"),
    ("p", "Use an OrbitDesk address as your company's registered office and correspondence address. Available at all 4 locations. Separate from any desk membership: you can have one without the other."),
    ("h2", "Price and term"),
    ("ul", [
        "€45 per month, excluding VAT.",
        "Minimum term 12 months, then rolling monthly.",
        "Includes handling of letters addressed to the company (envelope scan emailed, collection at reception).",
        "Parcels: €3 per parcel handled, unless you also have a membership with mail handling.",
        "Open-and-scan: €2 per item.",
    ]),
    ("h2", "What you can use it for"),
    ("ul", [
        "Registered office on your Companies Registration Office (CRO) filings.",
        "Correspondence address with Revenue and on your website and letterheads.",
        "Director service address (one director included; extra directors €10 per month each).",
    ]),
    ("p", "You can't use it as a trading address where customers visit you, or as a residential address."),
    ("h2", "Setting it up"),
    ("ol", [
        "Order in Member Portal > Add-ons > Registered address, or at orbitdesk.example/address.",
        "Upload photo ID and proof of address (dated within the last 3 months) for each director and for anyone who owns 25% or more of the company.",
        "We verify your documents within 2 working days. You can't use the address until we confirm.",
        "Once confirmed, file the change of registered office with the CRO yourself (form B2). We send you the exact address wording to use.",
    ]),
    ("h2", "Cancelling"),
    ("p", "Give 30 days' notice in Member Portal > Add-ons > Registered address > Cancel, after the 12-month minimum term. You must file a change of registered office with the CRO within 14 days of your end date and send us proof. After your end date we hold letters for 30 days, then return them to sender. If you don't move your registered office, we will notify the CRO that you no longer have consent to use our address."),
]

EVENTS = [
    ("h1", "Hosting an event"),
    ("p", "Run a talk, workshop, launch or meetup in one of our event spaces. Members and non-members can book."),
    ("h2", "Spaces"),
    ("table", [
        ["Space", "Location", "Seated", "Standing", "Kit"],
        ["The Hangar", "Dublin Grand Canal", "60", "80", "Projector, 2 wireless mics, PA, stage"],
        ["The Loft", "Cork Penrose Dock", "40", "50", "Large screen, 1 wireless mic, PA"],
    ]),
    ("h2", "When"),
    ("ul", [
        "Weekdays from 18:00 to 22:00, and weekends from 09:00 to 22:00.",
        "Daytime weekday hire isn't possible: the spaces are used as coworking areas.",
        "Minimum booking: 2 hours. Set-up and clean-up time count as hire time.",
    ]),
    ("h2", "Prices"),
    ("table", [
        ["Item", "Price (excl. VAT)"],
        ["Hire, per hour", "€95"],
        ["Member discount", "20% off hire"],
        ["Cleaning fee, per event", "€80"],
        ["Security staff (required over 50 guests), per hour", "€35"],
        ["AV technician, per hour", "€45"],
    ]),
    ("p", "Free community events organised by members (no ticket price, open to all members) get the space free of charge up to 4 times a year; only the cleaning fee applies."),
    ("h2", "Booking"),
    ("ol", [
        "Email events@orbitdesk.example at least 14 days before the event with the date, times, expected numbers and a short description.",
        "We send a quote and a booking form within 2 working days.",
        "Pay a 50% deposit to confirm. The balance is due 7 days before the event.",
    ]),
    ("h2", "Cancelling an event"),
    ("ul", [
        "7 days or more before: deposit refunded in full.",
        "Less than 7 days before: deposit kept; balance not charged.",
        "Less than 48 hours before: full hire price charged.",
    ]),
    ("h2", "Rules for events"),
    ("ul", [
        "Alcohol: allowed at events, but you must have a named person responsible for serving and stop serving at 21:30.",
        "Music: background level only after 21:00 (neighbours).",
        "Everyone out by 22:00. Overruns are charged at €150 per 30 minutes.",
        "Guests at events don't count towards your guest limits and don't need a guest invitation; send us a guest list 24 hours before.",
    ]),
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
    "billing/invoices-and-payments.pdf": INVOICES,
    "policies/house-rules.pdf": HOUSE_RULES,
    "mail/registered-business-address.docx": REG_ADDRESS,
    "events/hosting-an-event.docx": EVENTS,
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
                          "OrbitDesk Workspaces Ltd, 2 Grand Canal Quay, Dublin 2, D02 XK71")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=blocks[0][1],
                            author="OrbitDesk Workspaces",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path, blocks):
    import docx

    d = docx.Document()
    d.core_properties.title = blocks[0][1]
    d.core_properties.author = "OrbitDesk Workspaces"
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
