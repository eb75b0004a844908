"""Build the PDF and DOCX documents of the Maplecourt Lettings help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of each binary document is kept in SOURCES below, so that the golden files
can be checked against it without parsing PDF or DOCX. Output goes to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Block kinds: title, h1, h2, p, bullets (list), steps (numbered list), grid (rows, first is header)
SOURCES: dict[str, list[tuple[str, object]]] = {
    "pets/pets-policy.pdf": [
        ("title", "Maplecourt Lettings Pets Policy"),
        ("p", "Policy reference MC-POL-07, version 4, effective 1 July 2026. This policy applies to all properties managed by Maplecourt Lettings on the Rent Collection and Fully Managed packages. For Let Only properties the landlord decides on pets directly, although many landlords choose to follow this policy."),
        ("h1", "1. Definitions"),
        ("bullets", [
            "\"Pet\" means any domestic animal kept at the Property, other than an Assistance Animal.",
            "\"Assistance Animal\" means a dog or other animal trained to assist a person with a disability, such as a guide dog or hearing dog, with evidence of that training.",
            "\"Pet Request\" means a request made by a Tenant on the Pet Request Form in MyMaplecourt (Tenancy > Requests > Pet request).",
            "\"Pet Addendum\" means the written agreement, signed by the Landlord and the Tenant, that records the consent and the conditions for keeping a Pet.",
        ]),
        ("h1", "2. Asking to keep a Pet"),
        ("p", "2.1 A Tenant who wishes to keep a Pet must make a Pet Request before the animal comes to the Property. The request must give the type, breed, age and, for dogs and cats, the size of the animal, and must include a recent photograph and evidence of vaccination."),
        ("p", "2.2 The Landlord shall not unreasonably refuse a Pet Request. Maplecourt will pass on the Landlord's decision in writing within 28 days of receiving a complete Pet Request. If the Landlord needs more information, the 28 days start again from the date on which the Tenant provides it, up to a maximum of 7 extra days."),
        ("p", "2.3 A refusal must give the reason. Reasonable grounds include a head lease or building rules that forbid animals, a property that is too small for the animal, and the absence of outside space for a large dog."),
        ("p", "2.4 A household may keep no more than 2 Pets at any one time, except fish kept in a single tank and animals kept in a single cage, which count together as one Pet."),
        ("h1", "3. No extra deposit"),
        ("p", "3.1 Because the tenancy deposit is capped by law, Maplecourt does not ask for a separate pet deposit or increase the tenancy deposit when a Pet is allowed. Instead, the Landlord may charge pet rent as shown in the table below, which is added to the monthly rent from the date of the Pet Addendum."),
        ("grid", [
            ["Animal", "Pet rent per month", "Allowed in flats?", "Condition at the end of the tenancy"],
            ["Dog", "£25.00", "Only with direct access to a garden or on the ground floor", "Professional carpet clean and flea treatment"],
            ["Cat", "£20.00", "Yes", "Flea treatment"],
            ["Rabbit, guinea pig or other small caged animal", "£10.00", "Yes", "Clean and remove any hay or bedding"],
            ["Fish tank up to 60 litres", "£0.00", "Yes", "None"],
            ["Assistance Animal", "£0.00", "Yes, always", "None beyond normal cleaning"],
        ]),
        ("p", "3.2 Pet rent forms part of the rent. It stops when the Pet has left the Property permanently and the Tenant has told Maplecourt in writing."),
        ("h1", "4. Conditions while a Pet is kept"),
        ("bullets", [
            "The Tenant must hold pet liability insurance covering damage to the Property of at least £2,000 and send Maplecourt a copy of the certificate each year.",
            "Dogs and cats must be microchipped and treated for fleas and worms at least every 3 months.",
            "Dogs must not be left alone in the Property for more than 4 hours at a time.",
            "Pets must be kept under control in Common Parts and must not foul gardens or Common Parts.",
            "The Tenant must not breed animals at the Property or keep a Pet on behalf of someone else.",
        ]),
        ("h1", "5. At the end of the tenancy"),
        ("p", "5.1 Where the table in section 3 requires flea treatment, it must be carried out by a registered pest control company no more than 7 days before the check-out, and the receipt must be given to the inventory clerk at the check-out."),
        ("p", "5.2 Where a professional carpet clean is required, the Tenant may use any professional cleaning company and must provide the receipt. If no receipt is provided, the cost of the work will be proposed as a deduction from the tenancy deposit."),
        ("p", "5.3 Damage caused by a Pet, such as scratched doors or chewed carpets, is not fair wear and tear and may be deducted from the tenancy deposit in the usual way."),
        ("h1", "6. Keeping a Pet without consent"),
        ("p", "6.1 Keeping a Pet without consent is a breach of the Tenancy Agreement. Maplecourt will ask the Tenant to make a Pet Request within 14 days or to remove the animal. Persistent breach may lead the Landlord to seek possession of the Property."),
    ],
    "checkout/check-out-and-deductions.pdf": [
        ("title", "Check-out and deposit deductions"),
        ("p", "Guidance for tenants of Fully Managed properties, October 2026. On Let Only and Rent Collection properties the landlord carries out the check-out, unless the landlord has booked a Maplecourt check-out report."),
        ("h1", "1. Booking the check-out"),
        ("p", "1.1 When your notice has been accepted, or at least 14 days before your tenancy ends, we will email you a check-out pack with a cleaning checklist and a date for the check-out inspection. The inspection takes place on the last day of the tenancy or the next Working Day."),
        ("p", "1.2 You do not have to be present at the check-out. The inventory clerk compares the property with the check-in Inventory, takes dated photos and records the meter readings."),
        ("h1", "2. Returning your keys"),
        ("p", "2.1 All keys, fobs, remotes and parking permits must be returned to Fernbridge Central or Northgate by 12:00 noon on the last day of the tenancy. Ask reception for a key receipt."),
        ("p", "2.2 If keys are returned late, the tenancy has not ended and rent is charged for each extra day at the daily rate (monthly rent x 12 / 365), until the keys are returned."),
        ("p", "2.3 Please do not post keys through the letterbox of the property or of our office, and do not leave them with a neighbour or concierge."),
        ("h1", "3. Fair wear and tear"),
        ("p", "3.1 You are not responsible for fair wear and tear: the deterioration that happens through reasonable everyday use over the length of the tenancy. Faded curtains, light scuffs in walkways and worn carpet in a hallway after several years are examples."),
        ("p", "3.2 Where an item that was already old is damaged, the landlord cannot charge the full cost of a new one. We apportion the cost according to the age and expected life of the item; for example, a carpet with an expected life of 8 years that was 6 years old when damaged is charged at no more than a quarter of the cost of replacement."),
        ("h1", "4. Typical deductions"),
        ("p", "The amounts below are what our contractors charge, including VAT. A deduction is proposed only where the condition is worse than at check-in, allowing for fair wear and tear."),
        ("grid", [
            ["Item", "Typical charge"],
            ["Full professional clean, studio or 1 bedroom", "£240"],
            ["Full professional clean, 2 bedrooms", "£340"],
            ["Full professional clean, 3 bedrooms or more", "£420"],
            ["Oven and hob clean only", "£75"],
            ["Carpet clean, per room", "£40"],
            ["Replacement key (per key, including cutting)", "£25"],
            ["Replacement security fob", "£35"],
            ["Removal of rubbish or belongings left behind, per van load", "£90"],
            ["Touch-up painting, per wall", "£60"],
            ["Replacement light bulb", "£5"],
        ]),
        ("h1", "5. Proposed deductions and how to respond"),
        ("steps", [
            "Within 10 working days of the check-out, we email you the check-out report, photos and any proposed deductions, with the landlord's agreement.",
            "You have 14 days from our email to accept the deductions or tell us which items you dispute and why. Please attach any photos or receipts.",
            "We try to negotiate an agreement between you and the landlord. If everything is agreed, the deposit scheme pays you within 10 days.",
            "If you cannot agree, either party can refer the dispute to Harbour Deposit Guard's free dispute service within 3 months of the end of the tenancy.",
        ]),
        ("p", "If you do not reply within the 14 days, we will send one reminder. If there is still no reply after a further 7 days, we will ask Harbour Deposit Guard to repay the amount that is not disputed and advise the landlord on the disputed part."),
        ("h1", "6. Belongings left behind"),
        ("p", "Belongings left at the property after the tenancy ends are stored for 14 days. We will write to your forwarding address; if you do not collect them within that time they are disposed of and the cost of removal may be deducted from the deposit."),
    ],
    "ending/ending-your-tenancy.docx": [
        ("title", "Ending your tenancy: a guide for tenants"),
        ("p", "This guide explains how a tenant can bring a tenancy to an end. It is not about withdrawing an application before a tenancy agreement is signed (see Holding deposits), and it is not about a landlord ending the management agreement with Maplecourt, which does not affect your tenancy."),
        ("h1", "1. Definitions"),
        ("bullets", [
            "\"Fixed Term\" means the period stated in your tenancy agreement, for example 12 months.",
            "\"Periodic Tenancy\" means the tenancy that continues from month to month after the Fixed Term ends.",
            "\"Rental Period\" means each month of the tenancy, starting on the Rent Due Date.",
            "\"Break Clause\" means a clause in the tenancy agreement that allows the tenancy to be ended during the Fixed Term.",
            "\"Surrender\" means an agreement between the tenant and the landlord that the tenancy will end on a date when it could not otherwise be ended.",
        ]),
        ("h1", "2. During the Fixed Term"),
        ("p", "2.1 During the Fixed Term you can only end the tenancy early if your tenancy agreement contains a Break Clause, or if the landlord agrees to a Surrender."),
        ("p", "2.2 Our standard 12-month tenancy agreement contains a Break Clause that either party may use so that the tenancy ends no earlier than the last day of the sixth month. To use it, you must give at least 2 months' notice in writing. So the earliest date on which you can give notice is the last day of the fourth month."),
        ("p", "2.3 To end the tenancy on the last day of the Fixed Term, you must give at least 1 month's notice in writing. If you stay on without giving notice, the tenancy becomes a Periodic Tenancy."),
        ("h1", "3. During a Periodic Tenancy"),
        ("p", "3.1 You must give at least 1 month's notice in writing, and the notice must end on the last day of a Rental Period, which is the day before your Rent Due Date. For example, if your rent is due on the 18th, notice must end on the 17th of a month."),
        ("p", "3.2 If your notice gives a date that is not the last day of a Rental Period, we will treat it as ending on the next correct date and tell you in writing."),
        ("h1", "4. Joint tenants"),
        ("p", "4.1 In a Periodic Tenancy, a valid notice given by one joint tenant ends the tenancy for all the tenants. Please discuss it with the other tenants before you give notice."),
        ("p", "4.2 During the Fixed Term, a Break Clause can only be used if all joint tenants sign the notice. If only one of you wants to leave, see \"Change of sharers\" in the Maplecourt Tenancy Handbook."),
        ("h1", "5. How to give notice"),
        ("steps", [
            "Sign in to MyMaplecourt and choose My tenancy > Give notice, or email notices@maplecourt.example with your MC- tenancy reference.",
            "State the date on which you intend to leave and give your forwarding address.",
            "You will receive a written acknowledgement within 2 working days. Your notice is not valid until you have it.",
        ]),
        ("h1", "6. Leaving early by Surrender"),
        ("p", "6.1 If you need to leave during the Fixed Term and there is no Break Clause you can use, you may ask the landlord to agree to a Surrender. The landlord does not have to agree."),
        ("p", "6.2 If a Surrender is agreed, you pay the rent until the date on which a new tenant's tenancy starts or the date on which the Fixed Term would have ended, whichever is earlier. You also pay the landlord's reasonable costs of re-letting the property, which are currently £300 including VAT. These amounts can never be more than the loss the landlord actually suffers."),
        ("p", "6.3 The Surrender is only binding once it has been confirmed in a Deed of Surrender signed by the landlord and all tenants."),
        ("h1", "7. Your last month"),
        ("bullets", [
            "Rent for a part month is charged on a daily basis.",
            "In the last 28 days we may arrange viewings by prospective tenants, with at least 24 hours' notice.",
            "Book a check-out and read Check-out and deposit deductions.",
            "Take final meter readings and tell the council and your utility suppliers.",
        ]),
        ("h1", "8. If your landlord wants the property back"),
        ("p", "Your landlord can only end the tenancy by serving the correct legal notice and, if you do not leave, by obtaining a court order. You do not have to leave by a date given in an email or text message. If you receive a notice and are unsure what it means, contact our tenant line on 01 555 0140 or get independent advice."),
    ],
    "landlords/landlord-fees-schedule.docx": [
        ("title", "Schedule of landlord fees"),
        ("p", "Effective 1 September 2026. These one-off fees are charged to landlords in addition to the package fee for Let Only, Rent Collection or Fully Managed. They are never charged to tenants. VAT is charged at 20%; the amount including VAT is shown in brackets."),
        ("h1", "Setting up a tenancy"),
        ("grid", [
            ["Service", "Fee"],
            ["Tenancy set-up (agreement, referencing, Right to Rent checks)", "£300 + VAT (£360)"],
            ["Deposit registration with Harbour Deposit Guard, per tenancy", "£40 + VAT (£48)"],
            ["Landlord withdraws after a tenant's offer has been accepted", "£500 + VAT (£600)"],
        ]),
        ("h2", "Inventory and check-in"),
        ("grid", [
            ["Property size", "Fee"],
            ["Studio or 1 bedroom", "£120 + VAT (£144)"],
            ["2 bedrooms", "£150 + VAT (£180)"],
            ["3 bedrooms", "£180 + VAT (£216)"],
            ["4 bedrooms or more", "£220 + VAT (£264)"],
        ]),
        ("h1", "During a tenancy"),
        ("grid", [
            ["Service", "Fee"],
            ["Tenancy renewal (new fixed term)", "£150 + VAT (£180)"],
            ["Statutory rent increase notice", "£60 + VAT (£72)"],
            ["Single property visit (Let Only and Rent Collection)", "£75 + VAT (£90)"],
            ["Arranging major works over £2,000", "10% + VAT of the contractor's invoice"],
            ["Non-resident landlord annual tax return", "£150 + VAT (£180) per year"],
        ]),
        ("h1", "Safety certificates"),
        ("p", "We book a qualified engineer and send you and the tenant a copy of the certificate. Prices are for a property with one boiler and up to 4 bedrooms."),
        ("grid", [
            ["Certificate", "Fee"],
            ["Gas safety record (annual)", "£75 + VAT (£90)"],
            ["Electrical installation condition report (EICR)", "£180 + VAT (£216)"],
            ["Energy Performance Certificate (EPC)", "£85 + VAT (£102)"],
        ]),
        ("h1", "Ending a tenancy"),
        ("grid", [
            ["Service", "Fee"],
            ["Check-out report and deposit negotiation (Let Only and Rent Collection)", "£100 + VAT (£120)"],
            ["Preparing and serving a possession notice", "£120 + VAT (£144)"],
            ["Attending court on the landlord's behalf, per day", "£300 + VAT (£360)"],
        ]),
        ("h1", "Not charged"),
        ("bullets", [
            "Rental valuations.",
            "Annual statement of income and expenditure for your tax return.",
            "Changing to a different management package (see Ending or changing your management agreement).",
        ]),
        ("p", "Fees for ending the management agreement itself, including the termination fee, are set out in Ending or changing your management agreement."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#7a3b1f")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Maplecourt Lettings Ltd - help.maplecourt.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Maplecourt Lettings",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Maplecourt Lettings"
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
