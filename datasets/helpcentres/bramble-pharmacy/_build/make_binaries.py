"""Build the PDF and DOCX documents of the Bramble Pharmacy help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "legal/terms-of-supply.docx": [
        ("title", "Bramble Pharmacy: Terms of Supply"),
        ("p", "Version 6.1, effective 1 October 2026. These Terms of Supply govern every supply of medicines, products and clinical services made by Bramble Pharmacy Ltd through the Bramble website and app. They should be read together with our Privacy Notice and, for members, the Bramble Plus membership terms. Where these terms conflict with a legal or professional obligation placed on a pharmacist, the obligation prevails. Please read clauses 8 (Returns), 9 (Professional judgement) and 12 (Our liability) with particular care."),
        ("h1", "1. About us"),
        ("p", "1.1 Bramble Pharmacy Ltd is a company registered in England and Wales under company number 09876543, with its registered office at Unit 4, Kestrel Park, Hollowmere. 1.2 Our pharmacy premises are registered with the pharmacy regulator under premises number 1122334. 1.3 Our Superintendent Pharmacist is Dr Imogen Thale, who is responsible for the safe and effective running of the pharmacy. 1.4 You may contact us on 01 555 0120 or at care@bramble.example."),
        ("h1", "2. Definitions"),
        ("p", "2.1 In these terms, \"medicine\" means any product licensed as a medicine, whether prescription-only, pharmacy or general sale. 2.2 \"Product\" means any item we sell which is not a medicine. 2.3 \"Clinical service\" means a private online consultation, an emergency supply, pharmacist chat or a travel letter. 2.4 \"Working day\" means Monday to Friday, excluding bank holidays in England."),
        ("h1", "3. Who may use our services"),
        ("p", "3.1 You must be aged 18 or over and resident in Great Britain to open an account. 3.2 You may manage the account of a child or other dependant only where you have legal authority or the written consent of the dependant. 3.3 You must pass our identity checks and keep the information on your account accurate. 3.4 You must not open more than one account. We may close duplicate accounts without notice."),
        ("h1", "4. Your account"),
        ("p", "4.1 You are responsible for keeping your password confidential. 4.2 You must tell us promptly if you believe someone else has used your account. 4.3 We may suspend your account while we investigate suspected misuse, fraud, or an attempt to obtain medicines by deception, and we may report such matters to the police and to the relevant regulator."),
        ("h1", "5. Orders and the formation of the contract"),
        ("p", "5.1 Placing an order is an offer to buy. 5.2 A contract is formed only when we dispatch the order, not when we take payment or send an order confirmation. 5.3 Until dispatch, we may decline an order in whole or in part, in which case we refund any payment for the declined items within 5 working days. 5.4 An NHS prescription is supplied under the NHS terms of service for pharmacies; these terms apply to it only insofar as they are consistent with those NHS terms."),
        ("h1", "6. Prices and payment"),
        ("p", "6.1 Prices are shown in pounds sterling and include VAT where applicable. 6.2 NHS prescription charges are set by the government and collected by us on behalf of the NHS. 6.3 We may correct an obvious pricing error before dispatch; if we do, we will ask whether you wish to proceed at the correct price. 6.4 Delivery charges are set out in our help article on delivery options and are shown before you pay."),
        ("h1", "7. Delivery"),
        ("p", "7.1 We deliver only to addresses in England, Scotland and Wales. 7.2 Delivery dates are estimates, and we are not liable for delay caused by a GP surgery, a courier, severe weather or other events outside our control. 7.3 Risk in the goods passes to you on delivery, or when the parcel is left in a safe place or with a neighbour you have chosen. 7.4 Orders containing controlled medicines, fridge medicines, or medicines for a patient under 16 require a signature, and for controlled medicines photo ID, as set out in our help articles."),
        ("h1", "8. Returns and cancellation"),
        ("p", "8.1 Medicines cannot be returned, exchanged or refunded once they have been dispatched, whether or not they have been opened, except where clause 8.2 applies. 8.2 Where we have made a dispensing error, or a medicine is damaged in transit and you tell us within 48 hours of delivery, we will replace it or refund it in full. 8.3 For products that are not medicines, you have the statutory right to cancel within 14 days of delivery; we extend this to 30 days for unused products in sealed packaging. 8.4 The statutory right to cancel does not apply to medicines prepared or labelled for an individual patient, nor to sealed hygiene products that have been unsealed after delivery. 8.5 Nothing in this clause affects your rights if a product is faulty."),
        ("h1", "9. Professional judgement"),
        ("p", "9.1 Every supply of a medicine is subject to the professional judgement of a pharmacist or prescriber. 9.2 A pharmacist may refuse to supply, may limit the quantity supplied, or may require further information from you or your GP before supplying, where they consider this necessary for your safety or the safety of others. 9.3 Where a supply is refused, we will tell you why, unless doing so could cause harm, and refund any payment for the medicine refused. 9.4 We limit quantities of certain medicines, including painkillers, as described in our help articles, and these limits apply across all accounts at the same address."),
        ("h1", "10. Private online consultations"),
        ("p", "10.1 A consultation is a clinical assessment, not a purchase of a medicine, and the prescriber may decline to prescribe. 10.2 The circumstances in which a consultation fee is refunded are set out in our help article on consultation fees and form part of these terms. 10.3 You must provide truthful and complete information. A prescription obtained by giving false information is void, and we may cancel it without refund."),
        ("h1", "11. Controlled medicines"),
        ("p", "11.1 We dispense controlled medicines only against a valid NHS or private prescription from a prescriber who is not employed by Bramble. 11.2 We do not prescribe controlled medicines through our online consultations. 11.3 A prescription for a Schedule 2, 3 or 4 controlled medicine is valid for 28 days from the date on the prescription, and we cannot supply after that date. 11.4 Lost or stolen controlled medicines cannot be replaced without a new prescription."),
        ("h1", "12. Our liability"),
        ("p", "12.1 We do not exclude or limit our liability for death or personal injury caused by our negligence, for fraud, or for anything else that cannot lawfully be excluded. 12.2 We are not liable for loss caused by your failure to follow the directions on the label or the patient information leaflet, or by your giving us inaccurate information. 12.3 Subject to clause 12.1, our total liability to you in respect of any order is limited to twice the price you paid for that order. 12.4 We are not liable for business losses; our services are for private use only."),
        ("h1", "13. Events outside our control"),
        ("p", "13.1 We are not responsible for any failure or delay caused by events outside our reasonable control, including medicine shortages at manufacturer or wholesaler level. 13.2 Where a medicine is out of stock, we will tell you within 1 working day, and you may choose to wait, to have your prescription returned to the NHS system so that another pharmacy can dispense it, or to cancel."),
        ("h1", "14. Complaints"),
        ("p", "14.1 If you are unhappy with any part of our service, please tell us through the app, by email to complaints@bramble.example, or by telephone on 01 555 0120. 14.2 We will acknowledge your complaint within 3 working days and send a full response within 20 working days. 14.3 If you are not satisfied with our response to a complaint about an NHS service, you may refer it to the Parliamentary and Health Service Ombudsman. 14.4 You may also raise concerns about a pharmacist's fitness to practise with the pharmacy regulator."),
        ("h1", "15. Suspension and closure"),
        ("p", "15.1 You may close your account at any time by contacting Patient Services. 15.2 We may close your account on 30 days' notice for any reason, or immediately if you breach clause 3, 4 or 10.3, or if you are abusive towards our staff. 15.3 Closure of your account does not affect orders already dispatched."),
        ("h1", "16. Your information"),
        ("p", "16.1 We process your personal and health information as described in our Privacy Notice. 16.2 We share information with your GP where our Privacy Notice and the law allow, and in particular to tell your GP what we have prescribed privately unless you have objected. 16.3 Our pharmacists may access your NHS Summary Care Record with your consent, or without it in an emergency where you cannot give consent."),
        ("h1", "17. Records"),
        ("p", "17.1 We must keep pharmacy records even after your account is closed. 17.2 Records of NHS and private prescriptions are kept for 2 years after the last entry, records relating to controlled medicines for 7 years, and records relating to children until their 25th birthday, or for 8 years after a child's death. 17.3 Chat transcripts and consultation records are kept for 8 years."),
        ("h1", "18. Changes to these terms"),
        ("p", "18.1 We may change these terms to reflect changes in law, professional standards or our services. 18.2 We will give you at least 30 days' notice of any change that is to your disadvantage, by email and in the app. 18.3 The terms in force at the time you place an order apply to that order."),
        ("h1", "19. General"),
        ("p", "19.1 If any part of these terms is found to be unenforceable, the remainder continues in force. 19.2 A delay by us in enforcing these terms does not waive our rights. 19.3 No third party has any right to enforce these terms."),
        ("h1", "20. Law and jurisdiction"),
        ("p", "20.1 These terms are governed by the law of England and Wales. 20.2 If you live in Scotland or Wales you may also bring proceedings in the courts of your home nation."),
    ],
    "membership/bramble-plus-membership.docx": [
        ("title", "Bramble Plus membership terms"),
        ("p", "Bramble Plus is an optional paid membership that reduces delivery and consultation costs for patients who order regularly. It is not required in order to use any Bramble service, and it does not change the NHS prescription charge, which is set by the government and applies whether or not you are a member. These terms supplement our Terms of Supply."),
        ("h1", "Prices"),
        ("grid", [
            ["Plan", "Price", "Billing"],
            ["Monthly", "£4.99", "Every month on the date you joined"],
            ["Annual", "£49.00", "Once a year, in advance"],
        ]),
        ("h1", "What members receive"),
        ("grid", [
            ["Benefit", "Detail"],
            ["Next day delivery", "Free on every order, with no minimum spend"],
            ["Evening slot and Saturday delivery", "£2.00 off the usual price"],
            ["Private consultation fees", "10% off every consultation fee, including repeat questionnaires"],
            ["Pharmacist chat", "Priority queue during opening hours"],
            ["Shop products", "5% off products that are not medicines"],
        ]),
        ("p", "The 5% discount does not apply to medicines, to NHS prescription charges, or to travel letters. Free delivery does not apply to a second redelivery after a missed delivery."),
        ("h1", "Free trial"),
        ("p", "New members can try Bramble Plus free for 14 days. The free trial is available once per household. If you do not cancel before the trial ends, your chosen plan begins and the first payment is taken on the day after the trial ends."),
        ("h1", "Cancelling Bramble Plus"),
        ("steps", [
            "Go to Account > Bramble Plus > Cancel membership.",
            "A monthly membership stays active until the end of the month already paid for. We do not refund part months.",
            "An annual membership can be cancelled with a full refund within 14 days of payment, provided you have not used any member benefit in that time. If you have, we refund the annual price less the benefits you have received.",
            "After 14 days, an annual membership is not refundable, but you can switch off automatic renewal at any time.",
        ]),
        ("p", "Cancelling Bramble Plus does not close your Bramble account, does not affect your nomination of Bramble as your pharmacy, and does not cancel any order already placed."),
        ("h1", "Changes to the price"),
        ("p", "We will give you at least 30 days' notice of any price increase. You may cancel before the new price applies."),
    ],
    "controlled/controlled-medicines.pdf": [
        ("title", "Controlled medicines: additional rules for supply and delivery"),
        ("p", "Patient information leaflet CM-3, issued by the Bramble Controlled Medicines Desk. Certain medicines are classed as controlled drugs because they carry a risk of misuse, dependence or diversion. The law sets additional requirements for how they are prescribed, stored, supplied and delivered, and Bramble must follow those requirements exactly. This leaflet explains how they affect you. It does not replace the advice of your prescriber."),
        ("h1", "1. Which medicines are affected"),
        ("grid", [
            ["Schedule", "Examples", "Prescription valid for", "Photo ID at the door", "Safe place or neighbour"],
            ["Schedule 2", "Morphine, oxycodone, methylphenidate, lisdexamfetamine", "28 days", "Yes", "Never"],
            ["Schedule 3", "Pregabalin, gabapentin, tramadol, buprenorphine", "28 days", "Yes", "Never"],
            ["Schedule 4", "Diazepam, zopiclone, zolpidem", "28 days", "No, signature only", "Never"],
            ["Schedule 5", "Low-strength codeine linctus", "6 months", "No", "Allowed"],
        ]),
        ("h1", "2. Prescriptions"),
        ("bullets", [
            "Bramble does not prescribe controlled medicines. We dispense them only against a prescription from your GP, a hospital or another prescriber outside Bramble.",
            "A prescription for a Schedule 2, 3 or 4 medicine cannot be dispensed after 28 days from the date on the prescription. If yours has expired, you need a new prescription; we cannot extend it.",
            "Prescribers are advised to prescribe no more than 30 days' supply of a Schedule 2, 3 or 4 medicine at one time. If your prescription is for more, we may contact your prescriber before supplying.",
            "We cannot make an emergency supply without a prescription of a Schedule 2, 3 or 4 medicine, with the single exception of phenobarbital for epilepsy.",
        ]),
        ("h1", "3. Delivery"),
        ("p", "Controlled medicines are sent only by Next day or Named day delivery, at the normal price for that option. They are delivered only to the address on your account, and they cannot be redirected, collected from a courier depot, left with a neighbour or left in a safe place. For Schedule 2 and Schedule 3 medicines, the person receiving the parcel must:"),
        ("steps", [
            "be aged 18 or over;",
            "be either you or an adult you have nominated in the app under Account > Family > Nominated adults;",
            "show the courier valid photo ID in that person's name; and",
            "sign for the parcel on the courier's device.",
        ]),
        ("p", "If these conditions are not met the courier will not hand the parcel over. One further attempt is made on the next working day; after that the parcel is returned to us."),
        ("h1", "4. Lost, stolen or damaged controlled medicines"),
        ("p", "We cannot replace a lost or stolen controlled medicine without a new prescription. If your medicine is stolen, report it to the police and obtain a crime reference number, then contact your prescriber. If a parcel arrives damaged, do not take the contents; call the Controlled Medicines Desk within 48 hours."),
        ("h1", "5. Storage and disposal at home"),
        ("bullets", [
            "Store controlled medicines out of sight and reach of children and visitors, ideally in a locked cupboard.",
            "Never share them with another person, even someone with the same condition.",
            "Return unwanted controlled medicines to any community pharmacy for destruction. Do not post them back to Bramble.",
        ]),
        ("h1", "6. Contacting the Controlled Medicines Desk"),
        ("p", "Telephone 01 555 0130, 9am to 5pm, Monday to Friday, or email cmdesk@bramble.example. Pharmacist chat cannot change or bring forward a controlled medicine order."),
    ],
    "delivery/cold-chain-medicines.pdf": [
        ("title", "Fridge medicines: receiving and storing your cold-chain delivery"),
        ("p", "Some medicines, including most insulins, certain eye drops and some injections, must be kept between 2 and 8 degrees C from the moment they leave our pharmacy fridge until you use them. We call these cold-chain medicines. This leaflet explains how we pack them, what you must do when your parcel arrives, and what to do if something appears to have gone wrong. Please keep it with your medicines."),
        ("h1", "1. How we pack fridge medicines"),
        ("p", "Your medicine is packed in a recyclable insulated box with chilled gel packs. The packaging is validated to keep the contents between 2 and 8 degrees C for up to 48 hours from dispatch. A temperature indicator strip is fixed inside the lid."),
        ("h1", "2. When we send them"),
        ("bullets", [
            "Fridge medicines are sent only by Next day or Named day delivery, so that they arrive within 48 hours.",
            "We do not dispatch fridge medicines on a Friday, on a Saturday, or on the day before a bank holiday.",
            "Someone aged 18 or over must sign for the parcel. It is never left in a safe place or with a neighbour.",
            "If the first delivery attempt fails, the parcel is returned to us the same day and the medicine is destroyed.",
        ]),
        ("h1", "3. When your parcel arrives"),
        ("steps", [
            "Open the box straight away and check the temperature indicator strip.",
            "If the strip shows a tick, move the medicine into your fridge immediately. Do not put it in the freezer compartment or against the back wall of the fridge.",
            "If the strip shows a cross, or the gel packs are warm, do not use the medicine. Keep it in the fridge and contact us the same day.",
        ]),
        ("h1", "4. Storage guide"),
        ("grid", [
            ["Medicine", "Before first use", "Once in use"],
            ["Insulin pens and cartridges", "Fridge, 2 to 8 degrees C", "Room temperature below 25 degrees C for up to 28 days"],
            ["Eye drops marked Store in a refrigerator", "Fridge, 2 to 8 degrees C", "Fridge; discard 28 days after opening"],
            ["Pre-filled injection pens", "Fridge, 2 to 8 degrees C", "As stated in the patient information leaflet"],
        ]),
        ("h1", "5. Returning the insulated boxes"),
        ("p", "We reuse our insulated boxes. Once you have collected 3 boxes, request a free return label in the app under Orders > Return packaging, fold the boxes flat and send them back together. Gel packs can be put in household rubbish once thawed."),
        ("h1", "6. Help"),
        ("p", "For a warm parcel or a damaged box, message a pharmacist in chat or call 01 555 0125. We will replace the medicine free of charge."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5b2a6e")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Bramble Pharmacy - help.pedalpoint.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Bramble Pharmacy",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Bramble Pharmacy"
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
