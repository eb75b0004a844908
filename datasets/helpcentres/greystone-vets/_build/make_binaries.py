"""Build the PDF and DOCX documents of the Greystone Vets help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "health-club/vaccination-schedule.pdf": [
        ("title", "Vaccination schedule for dogs, cats and rabbits"),
        ("p", "Clinical guide for owners, Greystone Vets, edition 2026. Vaccinations protect your pet against serious infectious diseases. This guide gives the usual timings; your vet may adjust them for your pet. Pet Health Club members have the annual booster included in their monthly price."),
        ("h1", "Puppies"),
        ("bullets", [
            "First injection from 8 weeks old.",
            "Second injection at 10 weeks old, at least 2 weeks after the first.",
            "Your puppy can go out for walks 1 week after the second injection.",
            "A booster at 15 months, then once a year.",
        ]),
        ("h1", "Kittens"),
        ("bullets", [
            "First injection at 9 weeks old.",
            "Second injection at 12 weeks old.",
            "Kittens can go outside 1 week after the second injection, once neutered and microchipped.",
            "A booster at 15 months, then once a year.",
        ]),
        ("h1", "Rabbits"),
        ("p", "Rabbits have a single combined injection against myxomatosis and both strains of rabbit haemorrhagic disease (RHD1 and RHD2) from 5 weeks old, repeated every year. Indoor rabbits need it too: the viruses are carried by insects and on shoes."),
        ("h1", "Kennel cough"),
        ("p", "The kennel cough vaccine is a few drops given up the nose, not an injection. It protects for 12 months. Most kennels ask for it: give it at least 3 weeks before your dog goes into kennels so that protection has built up."),
        ("h1", "Prices for pets not in the Pet Health Club"),
        ("grid", [
            ["Vaccination", "Dog", "Cat", "Rabbit"],
            ["Primary course (2 injections)", "£78.00", "£72.00", "n/a"],
            ["Annual booster", "£58.00", "£55.00", "£49.00"],
            ["Kennel cough (intranasal)", "£38.00", "n/a", "n/a"],
            ["Restart course after a lapsed booster", "£78.00", "£72.00", "£49.00"],
        ]),
        ("h1", "Late for a booster?"),
        ("p", "If a booster is up to 3 months late, a single injection is usually enough. If it is more than 3 months late, your pet will need to restart the primary course of 2 injections, 2 to 4 weeks apart, and is not fully protected until 2 weeks after the second."),
        ("h1", "After a vaccination"),
        ("p", "Some pets are a little quiet or have a small lump at the injection site for 24 to 48 hours. This is normal. Call us if your pet has swelling of the face, vomiting or breathing problems, or is still unwell after 48 hours."),
    ],
    "surgery/dental-care.pdf": [
        ("title", "Dental care for your pet: grades and prices"),
        ("p", "Dental disease is one of the most common problems we see in dogs and cats over 3 years old. Signs include bad breath, red gums, dropping food, chewing on one side and pawing at the mouth. A free dental check with a nurse is the first step."),
        ("h1", "How dental treatment works"),
        ("steps", [
            "A vet examines your pet's mouth awake and gives the dental a provisional grade.",
            "On the day, your pet has a general anaesthetic. We chart every tooth and take dental X-rays from grade 2.",
            "We scale and polish all teeth and remove any teeth that are too damaged to keep.",
            "Your pet usually goes home the same afternoon.",
        ]),
        ("h1", "Dental grades and prices"),
        ("p", "The final grade can only be set once your pet is under anaesthetic. If it is higher than the provisional grade we will call you before carrying on. Prices include the anaesthetic, X-rays where listed, pain relief and one post-dental check. Pet Health Club members get 10% off."),
        ("grid", [
            ["Grade", "What it means", "Price"],
            ["Grade 1", "Scale and polish only, no extractions", "£295.00"],
            ["Grade 2", "Scale and polish, dental X-rays, up to 3 simple extractions", "£445.00"],
            ["Grade 3", "Scale and polish, dental X-rays, 4 to 8 extractions", "£620.00"],
            ["Grade 4", "More than 8 extractions or surgical extractions with stitches", "£850.00"],
        ]),
        ("p", "A pre-anaesthetic blood test is advised for pets over 8 years old and costs £65.00 extra. Dental estimates are valid for 30 days."),
        ("h1", "After a dental"),
        ("bullets", [
            "Feed soft food for 3 days after extractions; soak dry food in warm water.",
            "No chews or hard toys for 10 days.",
            "A free post-dental check with a nurse 7 days after the procedure.",
            "Start brushing again 2 weeks after the dental, with pet toothpaste only (human toothpaste is harmful to pets).",
        ]),
        ("h1", "Keeping teeth clean"),
        ("p", "Daily brushing is the best way to prevent dental disease. Our nurses will show you how at a free nurse clinic. Dental diets and chews help, but do not replace brushing."),
    ],
    "insurance/direct-insurance-claims.docx": [
        ("title", "Insurance claims paid direct"),
        ("p", "If your pet is insured, we can send the claim to your insurer and be paid by them directly, so you only pay your excess and anything your policy does not cover. This is called a direct claim."),
        ("h1", "Insurers we claim from directly"),
        ("bullets", [
            "Larchmont Pet Insurance",
            "Oakvale Insure",
            "Petwise Mutual",
            "Brookfield Animal Cover",
        ]),
        ("p", "If your insurer is not on the list, you pay the bill and claim the money back yourself. We complete the vet's section of the claim form for £20.00 per claim."),
        ("h1", "Who can use a direct claim"),
        ("bullets", [
            "The treatment bill is £200.00 or more. For smaller bills please pay and claim yourself.",
            "Your policy is active and the condition is not excluded.",
            "You have signed the claim form and the direct payment authority before treatment starts, or on the day.",
        ]),
        ("h1", "How it works"),
        ("steps", [
            "Tell reception you want a direct claim and give your policy number.",
            "Sign the claim form and the direct payment authority. Both are in the My Greystone app under Account > Insurance.",
            "On the day, pay your policy excess and any items your policy does not cover, such as the admin fee.",
            "Our insurance claims team sends the claim to your insurer within 5 working days of the end of treatment.",
            "For planned treatment over £500.00 we ask your insurer for pre-authorisation first, which can take up to 10 working days.",
        ]),
        ("h1", "Fees"),
        ("grid", [
            ["Item", "Price"],
            ["Admin fee per direct claim", "£30.00"],
            ["Admin fee per direct claim, Pet Health Club members", "free"],
            ["Claim form completed for you (you claim yourself)", "£20.00"],
            ["Copy of clinical history for a claim", "free"],
        ]),
        ("h1", "If the insurer does not pay"),
        ("p", "If your insurer refuses the claim or pays less than the bill, we write to you and the rest of the bill is due within 14 days of our letter. You may be able to spread it with a payment plan. Any question about what your policy covers must go to your insurer; we cannot change their decision."),
        ("h1", "Contact"),
        ("p", "Insurance claims team: 01 555 0125, Monday to Friday 9am to 4pm, or claims@greystonevets.example."),
    ],
    "end-of-life/euthanasia-and-cremation.docx": [
        ("title", "Saying goodbye: euthanasia and cremation"),
        ("p", "Losing a pet is one of the hardest parts of caring for them. Our team will help you make the decision that is right for your pet, and will take care of everything afterwards in the way you choose."),
        ("h1", "Planning ahead"),
        ("bullets", [
            "Ask for the last appointment of the day, when the practice is quieter. We use a separate quiet room with its own door to the car park.",
            "You can stay with your pet throughout, or say goodbye before. There is no right or wrong choice.",
            "You can pay and sign the consent form in advance so that you do not have to deal with paperwork on the day.",
            "If your pet was a Pet Health Club member, we cancel the membership for you.",
        ]),
        ("h1", "Euthanasia fees"),
        ("grid", [
            ["Where", "Price"],
            ["At the practice, dog or cat", "£165.00"],
            ["At the practice, rabbit or small pet", "£95.00"],
            ["At home (includes the home visit)", "£295.00"],
            ["Out of hours at Eastfield Animal Hospital", "£260.00"],
        ]),
        ("p", "Home euthanasia is available Monday to Friday 10am to 4pm; call the home visits desk on 01 555 0140. Out of hours we cannot promise a vet can come to your home."),
        ("h1", "Cremation"),
        ("p", "We work with Willowmere Pet Crematorium, an independent family crematorium. Your pet is collected from the practice with care and respect."),
        ("grid", [
            ["Pet", "Communal cremation (ashes not returned)", "Individual cremation (ashes returned)"],
            ["Cat or small pet", "£85.00", "£195.00"],
            ["Dog up to 25 kg", "£110.00", "£245.00"],
            ["Dog over 25 kg", "£145.00", "£310.00"],
        ]),
        ("p", "With individual cremation the ashes come back to your chosen practice in a scatter tube within 10 working days. A wooden casket with a name plate instead of a scatter tube costs £45.00 extra. We call you when the ashes are ready."),
        ("h1", "Keepsakes"),
        ("bullets", [
            "Clay paw print: £25.00",
            "Fur clipping in a small envelope: free",
            "Ink paw print on card: free",
        ]),
        ("h1", "Burial at home"),
        ("p", "You may bury your pet in your own garden if you own the property, the grave is not near a water supply, and the body is covered by at least 1.25 metres of soil. We can provide a sturdy pet body bag free of charge."),
        ("h1", "Support"),
        ("p", "Grief after losing a pet is real. Our nurses are happy to talk, and the free Blue Cross Pet Bereavement Support Service is there for anyone who needs it."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#4a6b7c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Greystone Vets - help.greystonevets.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Greystone Vets",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Greystone Vets"
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
