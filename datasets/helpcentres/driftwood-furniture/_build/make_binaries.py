"""Build the PDF and DOCX documents of the Driftwood Home help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "finance/interest-free-finance.pdf": [
        ("title", "Driftwood Home finance: interest-free and low-rate credit explained"),
        ("p", "Driftwood Home Retail Ltd acts as a credit broker, not a lender. Finance is provided by Larchmont Finance Ltd, subject to status. This leaflet explains the finance plans available on orders placed online, by telephone and in our showrooms, who can apply, and what happens if you return or cancel items bought on finance. Finance is not available on clearance items bought on their own."),
        ("h1", "1. Finance plans"),
        ("grid", [
            ["Plan", "Minimum order value", "Deposit", "Interest rate", "Example"],
            ["12 months interest free", "£399", "10%", "0% APR", "£600 order: £60 deposit, then 12 payments of £45.00"],
            ["24 months interest free", "£999", "10%", "0% APR", "£1,200 order: £120 deposit, then 24 payments of £45.00"],
            ["36 months low rate", "£1,500", "10%", "9.9% APR representative", "£2,000 order: £200 deposit, then 36 payments of £57.64; total payable £2,275.04"],
        ]),
        ("p", "The most you can borrow is £15,000. The deposit is paid by debit or credit card when you order. Interest-free means that you pay back exactly the amount borrowed, with no interest and no fees, provided that you make every payment on time."),
        ("h1", "2. Who can apply"),
        ("bullets", [
            "You must be aged 18 or over and live permanently in the UK.",
            "You must have lived in the UK for at least 3 years.",
            "You must be employed for at least 16 hours a week, self-employed, or retired with a pension.",
            "You need a UK bank account that accepts Direct Debits.",
        ]),
        ("h1", "3. How to apply"),
        ("steps", [
            "Choose Pay with finance at checkout, or ask a showroom colleague.",
            "Pay your 10% deposit by card.",
            "Complete the Larchmont Finance application. Most customers get a decision in under 5 minutes.",
            "Sign your credit agreement online with the code sent to your mobile phone.",
        ]),
        ("p", "Larchmont Finance runs a full credit check when you apply, which is recorded on your credit file. If your application is declined, we refund your deposit within 3 working days and you can pay for your order another way."),
        ("h1", "4. Repayments"),
        ("p", "Your first monthly payment is taken by Direct Debit one month after your order is delivered, not one month after you order. If your order is delivered in more than one part, payments start one month after the last delivery. You can pay off the balance early at any time with no early settlement fee by calling Larchmont Finance on 01 555 0130."),
        ("p", "If you miss a payment, Larchmont Finance charges a late payment fee of £12.00 and the missed payment may be reported to credit reference agencies. On the 36-month low-rate plan, interest continues to be charged on the balance."),
        ("h1", "5. Changing your mind about the credit"),
        ("p", "You have 14 days from the day after you sign the credit agreement to withdraw from it. If you withdraw, you must pay for your order in full within 30 days of withdrawing, either by card or by bank transfer. Withdrawing from the credit does not cancel your furniture order."),
        ("h1", "6. Returns and cancellations on finance"),
        ("p", "If you cancel or return your whole order, we tell Larchmont Finance and your agreement is cancelled; your deposit is refunded to your card. If you return part of your order, Larchmont Finance reduces the balance and recalculates your monthly payments. The collection charges in our returns policy still apply and are taken from your deposit refund."),
        ("h1", "7. Complaints"),
        ("p", "Complaints about the finance agreement itself should be made to Larchmont Finance Ltd, complaints@larchmont-finance.example. Complaints about your furniture or delivery should be made to Driftwood Home Customer Care on 01 555 0120."),
    ],
    "guarantees/guardcare-protection-plan.pdf": [
        ("title", "GuardCare furniture protection plan: policy summary"),
        ("p", "GuardCare is an optional protection plan for furniture and mattresses bought from Driftwood Home. It covers accidental stains and accidental damage that the product guarantee does not cover. GuardCare is arranged by Driftwood Home Retail Ltd and underwritten by Kestrel Assurance plc. This summary does not include all the terms; the full policy wording is emailed to you when you buy the plan."),
        ("h1", "1. What GuardCare covers"),
        ("bullets", [
            "Accidental stains from food, drink, make-up, ink, nail varnish and body fluids.",
            "Accidental damage: rips, tears, burns and scorch marks, and broken legs or frames caused by a one-off accident.",
            "Accidental damage to the mechanism of recliners and sofa beds.",
        ]),
        ("p", "If a stain cannot be removed or damage cannot be repaired, Kestrel Assurance will replace the damaged part, such as a cushion cover or a panel, or, if that is not possible, the whole item with one of the same value."),
        ("h1", "2. Prices"),
        ("p", "The price of GuardCare depends on the price of the item you want to protect. You pay once, when you buy the plan."),
        ("grid", [
            ["Item price", "3-year plan", "5-year plan"],
            ["Up to £500", "£49", "£69"],
            ["£500.01 to £1,000", "£79", "£109"],
            ["£1,000.01 to £2,000", "£119", "£159"],
            ["Over £2,000", "£159", "£199"],
        ]),
        ("p", "You can buy GuardCare at checkout, in a showroom, or up to 30 days after delivery by calling 01 555 0188. You can cancel within 45 days of buying it for a full refund, as long as you have not made a claim."),
        ("h1", "3. What GuardCare does not cover"),
        ("bullets", [
            "Wear and tear, fading, pilling and natural ageing of materials.",
            "Damage caused by pets, including scratching, chewing and pet urine.",
            "Stains or damage that build up gradually, such as hair oil or body perspiration.",
            "Damage from trying to clean a stain with products that the Fabric care guide says not to use.",
            "Furniture used commercially or in rented holiday accommodation.",
            "Manufacturing faults, which are covered by the product guarantee instead.",
        ]),
        ("h1", "4. Making a claim"),
        ("steps", [
            "Call the GuardCare claims line on 01 555 0188 within 14 days of the stain or damage happening. Do not try to remove a difficult stain yourself first.",
            "Send photos of the stain or damage and of the product label under the seat cushion.",
            "For most stains, a specialist technician visits within 10 working days and cleans the item at home.",
            "If the technician cannot remove the stain or repair the damage, Kestrel Assurance decides on a replacement within 5 working days of the visit.",
        ]),
        ("p", "You can make up to 5 claims during the plan. There is no excess to pay on any claim. GuardCare cannot be transferred if you sell the furniture."),
    ],
    "guarantees/guarantees-by-product.docx": [
        ("title", "Guarantees by product type"),
        ("p", "Every item sold by Driftwood Home comes with a manufacturer's guarantee against faults in materials and workmanship, in addition to your statutory rights. The length of the guarantee depends on the product and, for upholstered furniture, on the part of the product. All guarantee periods start on the date of delivery. Ex-display items have their own guarantee period, which is set out in the Terms of sale."),
        ("h1", "Guarantee periods"),
        ("grid", [
            ["Product", "Part", "Guarantee"],
            ["Sofas, sofa beds and armchairs", "Frame (hardwood and plywood)", "15 years"],
            ["Sofas, sofa beds and armchairs", "Springs and seat suspension", "5 years"],
            ["Sofas, sofa beds and armchairs", "Foam seat cushions", "2 years"],
            ["Sofas, sofa beds and armchairs", "Fabric and leather covers, stitching", "1 year"],
            ["Power recliners", "Reclining mechanism", "5 years"],
            ["Power recliners", "Motors, handsets and electrics", "2 years"],
            ["Driftwood own-brand mattresses", "Whole mattress", "10 years"],
            ["Other mattress brands", "Whole mattress", "5 years"],
            ["Bed frames, ottoman beds and headboards", "Whole item, including gas lifts", "5 years"],
            ["Dining and bedroom furniture (wood)", "Whole item", "2 years"],
            ["Garden furniture", "Whole item", "1 year"],
        ]),
        ("h1", "What counts as a fault"),
        ("bullets", [
            "A broken or cracked frame, a spring that has come loose, or a seam that has split under normal use.",
            "For mattresses: a dip or body impression deeper than 3 cm, measured with the mattress empty and a straight edge laid across it.",
            "For foam seat cushions: a loss of height of more than 20% compared with the original cushion.",
            "A mechanism, motor or gas lift that no longer works.",
        ]),
        ("h1", "What the guarantee does not cover"),
        ("bullets", [
            "Normal wear and tear, including softening of cushions and pilling of fabric.",
            "Accidental damage and stains (these can be covered by GuardCare).",
            "Damage caused by pets, misuse, or not following the care guides.",
            "Fading caused by sunlight, or damage caused by heat from radiators or fires.",
            "Furniture used in a business, a rented property or holiday let.",
            "Mattresses used without a mattress protector or on an unsuitable base.",
        ]),
        ("h1", "How to make a guarantee claim"),
        ("steps", [
            "Go to My orders, choose the item and select Report a problem, or call After-sales on 01 555 0125.",
            "Describe the fault and upload at least 3 photos, including one of the product label.",
            "We review your claim within 5 working days and may ask for more photos or a video.",
            "If we need to see the item, a technician visits within 15 working days.",
            "We repair the item, replace the faulty part, or replace the whole item if it cannot be repaired.",
        ]),
        ("p", "A repaired or replaced item keeps the remaining part of the original guarantee; a new guarantee period does not start. The guarantee applies to the original buyer at the original delivery address in England, Scotland or Wales and cannot be transferred."),
    ],
    "damage/damaged-on-arrival-claims.docx": [
        ("title", "Damaged-on-arrival claims"),
        ("p", "This procedure applies when an item is damaged, faulty or has parts missing when it is delivered. It is different from a guarantee claim for a fault that develops later, and from GuardCare, which covers accidents that happen after delivery. Claims for damage on arrival are free of charge and do not affect your statutory rights."),
        ("h1", "1. Check your delivery"),
        ("p", "For two-person deliveries, our team unwraps every item and checks it with you before they leave. Please look at every side, including the back and underneath, and open any drawers or mechanisms. If you find damage, show the team and ask them to record it on their handheld device; you will be asked to sign. For parcel deliveries, open the box as soon as possible and check the contents against the parts list."),
        ("h1", "2. Time limits for reporting damage"),
        ("grid", [
            ["Type of delivery", "Report damage within", "How"],
            ["Two-person delivery", "48 hours of delivery", "Tell the team on the day, or My orders > Report a problem"],
            ["Parcel delivery", "7 days of delivery", "My orders > Report a problem"],
            ["Damage found by our fitters during assembly", "Recorded by the fitter on the day", "No action needed from you"],
        ]),
        ("p", "If you report damage after these time limits, we handle it as a guarantee claim instead. You can also call After-sales on 01 555 0125, Monday to Friday 9am to 5.30pm."),
        ("h1", "3. What to send us"),
        ("steps", [
            "Photos of the damage, with a coin or a ruler next to it to show the size.",
            "A photo of the whole item, and a photo of the product label.",
            "For parcel deliveries, a photo of the box and the courier label, showing any damage to the packaging.",
            "Keep all packaging for 14 days in case the courier needs to inspect it.",
        ]),
        ("p", "You receive a claim reference starting with DA- by email within 1 working day."),
        ("h1", "4. What we offer"),
        ("grid", [
            ["Type of damage", "What we offer"],
            ["Minor cosmetic damage (a scuff, a mark or a scratch shorter than 2 cm)", "A technician repair at home within 10 working days, or keep the item with a refund of 15% of its price"],
            ["Major damage (a cracked frame, torn fabric, a broken leg or a dent)", "A replacement delivered on the next available two-person slot, or a full refund including delivery"],
            ["Missing parts or fixings", "Sent free by courier within 3 working days"],
            ["Wrong item, colour or fabric delivered", "The correct item delivered and the wrong one collected on the same visit, free of charge"],
        ]),
        ("p", "If you choose a replacement or a refund, we collect the damaged item free of charge. Refunds are made to the original payment method within 5 working days of collection. If you paid for assembly and the replacement needs to be assembled again, there is no extra charge."),
        ("h1", "5. Please do not"),
        ("bullets", [
            "Use or assemble an item that you know is damaged; this may affect your claim.",
            "Throw away the packaging of a damaged parcel item within 14 days.",
            "Attempt your own repairs before our technician has seen the damage.",
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5a4632")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Driftwood Home - help.driftwoodhome.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Driftwood Home",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Driftwood Home"
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
