"""Build the PDF and DOCX documents of the Tidewater Pet Insurance help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Outputs go to ../docs/. The source text lives in SOURCES below, as a list of
blocks: ("title", text), ("h1", text), ("h2", text), ("p", text),
("ul", [items]), ("ol", [items]), ("table", [[header...], [row...], ...]).
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"

POLICY_WORDING = [
    ("title", "Tidewater Pet Insurance - Policy Wording"),
    ("p", "Accident Only, Lifetime Plus and Lifetime Premier. Policy wording reference TW-PW-2026.2, effective for policies starting or renewing on or after 1 April 2026."),
    ("h1", "Section 1: Your contract with us"),
    ("p", "This Policy Wording and Your Schedule form the contract of insurance between You and Us. The insurer is Tidewater Mutual Insurance Society Limited, trading as Tidewater Pet Insurance, which is authorised and regulated in respect of its insurance business under Firm Reference Number 955512, save that in respect of Rabbits the insurance is underwritten by Burrowmere Underwriting on whose behalf Tidewater acts."),
    ("h1", "Section 2: Definitions"),
    ("ul", [
        "Accident: a sudden, unforeseen and unintended event that causes physical Injury to Your Pet.",
        "Condition: any Illness or Injury, together with all related clinical signs, symptoms and diagnoses, regardless of the Policy Year in which they occur.",
        "Pre-existing Condition: any Condition which first showed clinical signs, or in respect of which advice or Treatment was sought, before the Start Date or within an applicable waiting period.",
        "Excess: the amount shown on Your Schedule which You must pay towards each Condition in each Policy Year.",
        "Co-payment: the percentage of each claim, after deduction of the Excess, which You must pay where Your Schedule so states.",
    ]),
    ("h1", "Section 3: Vet fees"),
    ("h2", "What is covered"),
    ("p", "We will pay the reasonable and customary fees charged by a Vet for Treatment of Your Pet as a result of an Accident or, under Lifetime Plus and Lifetime Premier only, an Illness, up to the limits shown in the table below and on Your Schedule, less the Excess and any applicable Co-payment. Under Accident Only, cover for each Condition arising from an Accident shall cease upon the earlier of the exhaustion of the limit or the expiry of the maximum period of 12 months from the date on which Treatment for that Condition was first provided, whichever occurs first, and no further Treatment of that Condition shall be payable under this or any renewed Policy. Under Lifetime Plus and Lifetime Premier, the limit shall be reinstated in full at each renewal date, provided that the Policy has been renewed without interruption."),
    ("table", [
        ["Benefit", "Accident Only", "Lifetime Plus", "Lifetime Premier"],
        ["Vet fees", "£2,500 per Accident", "£7,500 per Policy Year", "£12,000 per Policy Year"],
        ["Dental accident", "£500", "£1,000", "£1,500"],
        ["Overseas vet fees (Section 7)", "Not covered", "£3,000", "£5,000"],
        ["Quarantine costs (Section 7)", "Not covered", "£1,000", "£1,500"],
        ["Excess", "£75", "As per Schedule", "As per Schedule"],
    ]),
    ("h2", "What is not covered under this Section"),
    ("p", "We shall not be liable for: (a) any Pre-existing Condition save as provided by the review procedure described in the Pre-existing Conditions guidance; (b) routine, preventive or elective Treatment including vaccinations, neutering, flea and worm treatment, nail clipping and grooming; (c) the cost of food of any kind, including prescription diets, save where supplied to Your Pet during an overnight stay at a veterinary practice; (d) cosmetic Treatment; (e) any Treatment of Illness under an Accident Only policy; and (f) any costs arising from war, civil commotion, terrorism or radioactive contamination."),
    ("h1", "Section 4: Excess and Co-payment"),
    ("p", "The Excess shall be deducted once in respect of each Condition in each Policy Year. Where Your Schedule states that a Co-payment applies, We shall, after deducting the Excess, deduct the Co-payment percentage from the balance of each claim, and a Co-payment of 20% shall apply in respect of any dog from the first renewal date following its eighth birthday and in respect of any cat from the first renewal date following its tenth birthday; no Co-payment shall apply in respect of any Rabbit, nor under any Accident Only policy."),
    ("h1", "Section 5: General conditions"),
    ("p", "Failure to comply with these conditions may result in a claim being declined. You must take all reasonable care to protect Your Pet from Accident and Illness and must arrange for Your Pet to be examined by a Vet at least once every 12 months, and for any Treatment recommended by the Vet to be carried out promptly. You must notify Us of any claim, and submit the completed claim form, within 180 days of the date of Treatment, save that in respect of Rabbits the claim must be submitted within 90 days of the date of Treatment. Where a Premium due under a monthly instalment arrangement is not paid, We shall write to You, and if the overdue amount is not received within 30 days of the due date We may cancel the Policy with effect from the date on which the unpaid instalment fell due."),
    ("h1", "Section 6: Cancellation"),
    ("p", "You may cancel this Policy within 14 days of receiving the Policy documents, or of the Start Date if later, and We shall refund the Premium in full provided no claim has been made. Thereafter You may cancel at any time; where the Premium is paid annually We shall refund the Premium for the unexpired Period of Insurance less an administration charge of £25, and no refund shall be made where a claim has been paid in the current Policy Year."),
    ("h1", "Section 7: Travel"),
    ("p", "Travel cover under Lifetime Plus and Lifetime Premier is set out in the Travel Cover and Overseas Vets guide, which forms part of this Policy Wording."),
]

TRAVEL = [
    ("title", "Travel Cover and Overseas Vets"),
    ("p", "Policy guide TW-TR-2026.1. This guide forms part of the Policy Wording for Lifetime Plus and Lifetime Premier policies. It does not apply to Accident Only policies, and travel cover is not available for Rabbits under any plan."),
    ("h1", "1. Scope of cover"),
    ("p", "Subject to the terms below, Your Pet is insured while travelling with You outside the United Kingdom to any country in the European Union, or to Norway, Switzerland, Iceland, Liechtenstein, Andorra, Monaco or San Marino (together, the Territorial Limits), provided that each trip is undertaken for leisure or to accompany You, and that Your Pet has travelled in compliance with the pet travel rules in force at the date of departure. Cover applies to any single trip not exceeding 60 consecutive days, and to no more than 120 days in aggregate in any Policy Year; if a single trip exceeds 60 consecutive days, no cover shall be provided for any part of that trip, including the first 60 days. You do not need to tell Us before You travel within these limits."),
    ("h1", "2. Benefits"),
    ("table", [
        ["Benefit", "Lifetime Plus", "Lifetime Premier"],
        ["Overseas vet fees (per Policy Year)", "£3,000", "£5,000"],
        ["Quarantine costs", "£1,000", "£1,500"],
        ["Replacement animal health certificate or pet passport", "£150", "£250"],
        ["Overseas excess (per claim)", "£150", "£150"],
    ]),
    ("p", "The overseas vet fee limit shown above forms part of, and is not payable in addition to, the Vet fee limit for the Policy Year shown on Your Schedule, such that any sum paid for overseas Treatment shall reduce the amount remaining for Treatment in the United Kingdom during the same Policy Year. The overseas excess of £150 shall be applied to each claim for overseas Treatment in place of, and not in addition to, the Excess shown on Your Schedule; any Co-payment shown on Your Schedule shall continue to apply."),
    ("h1", "3. Quarantine and travel documents"),
    ("p", "We shall pay the costs of quarantine and kennelling required by the authorities of any country within the Territorial Limits, or by the United Kingdom authorities on Your return, where Your Pet's microchip fails to read or Your Pet's travel documents are lost or stolen during the trip, up to the limits shown above. We shall not pay any such costs where quarantine arises because You failed to obtain a valid rabies vaccination, animal health certificate or tapeworm treatment before travelling, and the cost of any tapeworm treatment required for re-entry to the United Kingdom is not covered in any circumstances."),
    ("h1", "4. Using a vet abroad"),
    ("ul", [
        "You must pay the overseas Vet yourself and claim the money back from Us. Direct payment to the Vet is not available outside the United Kingdom.",
        "Keep the original itemised invoice and any clinical notes. We accept invoices in English, French, Spanish, German, Italian and Portuguese; for invoices in any other language You must provide a translation at Your own cost.",
        "We shall convert amounts charged in a foreign currency into pounds sterling at the exchange rate applying on the date of Treatment.",
        "Submit Your claim within 180 days of the date of Treatment, in the usual way.",
    ]),
    ("h1", "5. Emergency helpline"),
    ("p", "If Your Pet needs urgent Treatment while abroad, You may call the Tidewater overseas assistance line, available 24 hours a day, 7 days a week, on +44 20 5550 1188. The assistance team can help You locate a suitable Vet near You, speak to the Vet on Your behalf and explain what Your Policy covers. Use of the assistance line is free of charge, but it does not guarantee that a claim will be accepted."),
    ("h1", "6. Exclusions specific to travel"),
    ("ul", [
        "Any trip to a country outside the Territorial Limits.",
        "Any Treatment which could reasonably have been delayed until Your return to the United Kingdom.",
        "Any trip undertaken in order to obtain Treatment abroad.",
        "Any Pet that has not been in the United Kingdom for at least 6 months before the trip begins.",
    ]),
]

CLAIM_DOCUMENTS = [
    ("h1", "What documents do I need to make a claim?"),
    ("p", "Getting your paperwork right first time is the single best way to get your claim paid quickly. This guide lists what we need for each type of claim, for cats, dogs and rabbits. If something's missing, don't worry: send what you have and we'll tell you what else we need."),
    ("h2", "The basics for every claim"),
    ("ul", [
        "a completed claim form: form TW-C1 for cats and dogs, or form RB-3 for rabbits (the online claim form counts)",
        "an itemised invoice from your vet, showing each item and its cost",
        "your vet's section of the claim form, completed and signed, or the vet's confirmation through our online system",
    ]),
    ("h2", "Extra documents for particular claims"),
    ("table", [
        ["Type of claim", "What else we need"],
        ["First claim for this pet", "Full clinical history from every vet your pet has seen, covering at least the 12 months before your policy started"],
        ["Claims over £1,000", "Your vet's clinical notes for the treatment"],
        ["Referral to a specialist", "The referral letter and the specialist's report"],
        ["Dental accident", "A dental chart and, if taken, x-ray reports"],
        ["Treatment abroad", "The original itemised invoice from the overseas vet (see the travel guide for languages we accept)"],
        ["Rabbit myxomatosis or RVHD", "Vaccination record from the last 12 months"],
    ]),
    ("h2", "Photos, scans and originals"),
    ("p", "You can upload clear photos or scans of your documents in your account at my.tidewater.example. We accept PDF, JPG and PNG files up to 10 MB each. Please make sure every corner of the invoice is visible and the writing is readable; blurry photos are the most common reason we have to come back to you. You don't need to post us the originals, but please keep them safe for 6 months after your claim is paid, because we occasionally ask to see them."),
    ("h2", "If documents are missing"),
    ("p", "If we're waiting for something, we'll email you and your vet to ask for it, and we'll keep chasing. If we still haven't received it after 60 days, we'll close the claim. That isn't a refusal: you can reopen it at any time within the claim deadline by sending us the missing document."),
    ("h2", "How long does it take once everything's in?"),
    ("ul", [
        "Cats and dogs: we aim to settle within 10 working days.",
        "Rabbits: Burrowmere Underwriting aims to settle within 15 working days.",
        "Direct payment claims: we pay your vet within 7 working days of approval.",
    ]),
    ("p", "Vets may charge for completing claim forms. Under your policy we cover up to £30 of such a fee per claim, and it's included in the claim amount."),
]

RENEWALS = [
    ("h1", "Renewals and premium changes"),
    ("p", "Your policy runs for a year at a time. Here's what happens when it's time to renew, why your price can change, and what you can do about it."),
    ("h2", "When will I hear from you?"),
    ("p", "We'll send your renewal invitation at least 21 days before your renewal date, by email or post depending on your preferences. It shows your new premium, last year's premium, your excess, any co-payment, and any changes to your cover. Please read it carefully and check your details are still correct."),
    ("h2", "Will my policy renew automatically?"),
    ("p", "Yes. Unless you tell us otherwise, your policy renews automatically and we'll continue to collect payments in the same way. If you don't want to renew, just let us know before the renewal date. You also have a 14-day cooling-off period after each renewal, in case you change your mind."),
    ("h2", "Why has my premium gone up?"),
    ("p", "Nobody likes a price rise, and we try to explain ours clearly. Premiums for pet insurance generally increase each year, and there are several reasons that work together. As pets get older they are more likely to need treatment, so age is the biggest factor. The cost of veterinary treatment also rises every year, as new treatments and equipment become available; in 2026, the average vet fee inflation we saw across our customers' claims was 9.4%, and this is reflected in everybody's renewal prices regardless of whether they have claimed. On Lifetime plans, the claims you've made can also affect your price, because they tell us something about your pet's likely future treatment. Finally, if you've moved house, your new postcode may affect the price. On Accident Only plans, claims you have made don't affect your renewal price."),
    ("h2", "Typical changes by age"),
    ("p", "The table below shows the typical range of increases at renewal for Lifetime Plus and Lifetime Premier customers who have not claimed. Your own change could be higher or lower."),
    ("table", [
        ["Pet's age at renewal", "Dogs", "Cats", "Rabbits"],
        ["1 to 4 years", "4% to 8%", "3% to 7%", "3% to 6%"],
        ["5 to 7 years", "8% to 15%", "6% to 12%", "8% to 14%"],
        ["8 years and over", "12% to 25%", "10% to 20%", "12% to 22%"],
    ]),
    ("h2", "Big increases"),
    ("p", "If your premium is going up by more than 25% at renewal, one of our team will call you before your renewal date to talk through the reasons and your options. You never have to accept a renewal you're not happy with."),
    ("h2", "Ways to keep your premium down"),
    ("ul", [
        "Raise your excess: you can choose a higher excess at renewal, which lowers your premium.",
        "Switch from Lifetime Premier to Lifetime Plus: your existing conditions stay covered, with the lower limit.",
        "Add another pet to get our multi-pet discount.",
        "Pay annually instead of monthly.",
    ]),
    ("h2", "Co-payment starting at renewal"),
    ("p", "If your dog or cat has reached the age at which a co-payment starts, it will begin from that renewal. Your renewal invitation will show this clearly."),
    ("h2", "Our pricing promise"),
    ("p", "We will never charge you more at renewal than we would charge a new customer for the same cover on the same pet, with the same history. If you think we have, call us on 0800 555 0142 and we'll check."),
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
    "policies/policy-wording.pdf": POLICY_WORDING,
    "travel/travel-cover-and-overseas-vets.pdf": TRAVEL,
    "claims/claim-documents.docx": CLAIM_DOCUMENTS,
    "account/renewals-and-premium-changes.docx": RENEWALS,
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
                          "Tidewater Pet Insurance, Tidewater House, 12 Quay Street, Harbourton, HT1 5AA")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=blocks[0][1],
                            author="Tidewater Pet Insurance",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path, blocks):
    import docx

    d = docx.Document()
    d.core_properties.title = blocks[0][1]
    d.core_properties.author = "Tidewater Pet Insurance"
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
