"""Build the PDF and DOCX documents of the Sparrowmere help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "access/keys-and-access.docx": [
        ("title", "Keys and access: letting your cleaner in"),
        ("p", "Most of our customers are out at work when we clean, so we've spent a lot of time making keys safe and simple. This guide explains the three ways your cleaner can get in, and how we look after your keys. It's written by our Keys Desk, who you can reach on 01 555 0124, Monday to Friday 8am to 6pm."),
        ("h1", "Your three options"),
        ("grid", [
            ["Option", "How it works", "Cost"],
            ["Be at home", "You let your cleaner in at the start of the arrival window", "Free"],
            ["We hold a key", "You give us a key and we keep it in our office safe between cleans", "Free on a regular plan; £8.00 per visit for one-off cleans"],
            ["Key safe", "You give us the code to a key safe at your home", "Free (we can fit one for you for £45.00)"],
        ]),
        ("h1", "Giving us a key"),
        ("steps", [
            "Choose 'Sparrowmere holds a key' when you book, or in My account > Access.",
            "Hand the key to your cleaner at your meet-and-greet, or drop it at our office at 4 Kingfisher Yard, Hollinsford.",
            "We attach a tamper-proof tag with a key tag code, like SP-4821. The tag never shows your name or address.",
            "We email you the key tag code and a photo of your tagged key within 1 working day.",
        ]),
        ("p", "Keys are kept in a locked safe at our office. Your cleaner signs your key out on the morning of your clean and signs it back in by 6pm the same day. Only the Keys Desk team and your cleaner can sign it out, and every movement is logged with a time."),
        ("h1", "Key safes"),
        ("p", "A key safe is a small locked box fixed to an outside wall. If you already have one, just add the code to My account > Access; it's only shown to your cleaner on the morning of your clean. If you'd like one, we'll fit a police-approved key safe for £45.00, including the safe itself. Please change the code after a cleaner stops coming to you; we'll remind you."),
        ("h1", "Alarms, parking permits and gates"),
        ("bullets", [
            "Alarm codes are stored with your access details and shown only to your cleaner. If your cleaner sets off the alarm because the code was wrong, we're not responsible for any call-out charge.",
            "If you have a visitor parking permit, leave it by the door; otherwise see clause 5.4 of the Booking Terms for parking costs.",
            "For gated blocks, tell us the gate code or how to buzz in.",
        ]),
        ("h1", "If something goes wrong with a key"),
        ("p", "If we lose your key, we'll pay for a locksmith to change the locks and for new keys, up to £250.00. Tell us straight away if you lose your own copies, so we can flag your key. If your key doesn't work (for example you've changed the locks), your cleaner will call you and wait 20 minutes, and the lockout charge in the cancellation rules applies."),
        ("h1", "Getting your key back"),
        ("p", "When your regular plan ends, we return your key within 5 working days of your last clean, by hand with your cleaner or by recorded post. If you need it back sooner, you can collect it from our office during Keys Desk hours: bring photo ID and your key tag code."),
    ],
    "safety/pets-children-and-safety.docx": [
        ("title", "Pets, children and safety during a clean"),
        ("p", "We want every clean to be safe for you, your family, your animals and our cleaners. Here's what we ask and what our cleaners will and won't do. The full rules are in clause 15 of the Booking Terms."),
        ("h1", "Pets"),
        ("p", "We love pets, and most of our cleaners do too. Please tell us about your pets when you book, so we can match you with a cleaner who's comfortable with them."),
        ("bullets", [
            "Dogs: please keep dogs in another room or the garden while your cleaner works, if your cleaner asks.",
            "Cats: please tell us if a cat shouldn't be let outside, and we'll keep doors shut.",
            "Small animals and fish: we'll dust around cages and tanks, but we don't clean them out or handle animals.",
            "Pet hair: there's no extra charge, but homes with pets may need an extra 30 minutes per clean.",
        ]),
        ("p", "Our cleaners won't clean up pet mess such as vomit, urine or faeces, or empty litter trays."),
        ("h1", "Children at home"),
        ("p", "If children under 16 are at home during a clean, an adult aged 18 or over must be there too. Please keep little ones away from cleaning products and buckets. Our cleaners are not allowed to look after children, even for a few minutes."),
        ("h1", "What our cleaners will and won't do"),
        ("grid", [
            ["Job", "Will do", "Won't do"],
            ["High places", "Up to a 2-step stepladder (we bring one)", "Anything higher, or standing on chairs"],
            ["Moving things", "Items up to 15 kg", "Heavy furniture or anything that needs two people"],
            ["Mould", "Small patches on sealant and tiles", "Mould covering more than one square metre"],
            ["Sharp or hazardous items", "Nothing", "Needles, broken glass in bins, bodily fluids, pest droppings"],
            ["Electrical items", "Wipe the outside when switched off", "Take apart or clean inside electrical items"],
        ]),
        ("h1", "If your cleaner has an accident"),
        ("p", "All our cleaners are covered by our employer's liability insurance, so you're never responsible for them as an employer. If they're hurt in your home, they'll report it to us and we'll handle it. We'll only ask you about it if we need to understand what happened."),
        ("h1", "Staying safe with strangers"),
        ("p", "Every Sparrowmere cleaner carries a photo ID card with their first name and staff number. If someone turns up saying they're from Sparrowmere and you weren't expecting them, don't let them in: call us on 01 555 0129 to check."),
    ],
    "add-ons/carpet-cleaning.pdf": [
        ("title", "Carpet and rug cleaning"),
        ("p", "Our carpet cleaning is done with a hot water extraction machine by a Sparrowmere carpet technician, not by your regular cleaner. You can add it to any booking, and lots of customers add it to an end-of-tenancy clean, where it's not included in the fixed price. We need 3 working days' notice to book the technician."),
        ("h1", "Prices"),
        ("grid", [
            ["Area", "Price", "Notes"],
            ["Bedroom or living room (up to 20 square metres)", "£30.00", "Larger rooms count as two rooms"],
            ["Hallway and landing", "£20.00", "Each"],
            ["Staircase (up to 14 steps)", "£40.00", "Including the edges"],
            ["Rug (up to 2 m by 3 m)", "£25.00", "Cleaned in place"],
            ["Stain protection spray", "£10.00 per room", "Optional, after cleaning"],
        ]),
        ("p", "There's a minimum charge of £60.00 per carpet cleaning visit."),
        ("h1", "How long it takes to dry"),
        ("p", "Carpets are damp, not wet, when we finish. They're usually dry in 4 to 6 hours, longer in winter or if windows stay shut. Please keep shoes off and pets out of the rooms until they're dry, and don't put furniture back until then."),
        ("h1", "Before the technician arrives"),
        ("steps", [
            "Vacuum isn't needed: we vacuum first with a commercial machine.",
            "Move small items, toys and anything breakable off the floor.",
            "Our technician can move chairs and small tables. Beds, wardrobes and sofas stay where they are, and we clean around them.",
            "Make sure there's a parking space within 30 metres of your door for the machine's van if you can.",
        ]),
        ("h1", "Stains we can't promise to remove"),
        ("bullets", [
            "Red wine, coffee or tea that has been there for more than a week",
            "Bleach marks and burns (these remove the colour, so there's nothing to clean)",
            "Ink, paint, hair dye and nail varnish",
            "Pet urine that has soaked into the underlay",
        ]),
        ("p", "We'll always try, and we'll tell you honestly before we start if a stain is unlikely to shift. Marks that don't come out aren't covered by the re-clean guarantee."),
        ("h1", "Wool and delicate carpets"),
        ("p", "Wool and wool-mix carpets are cleaned at a lower temperature at no extra charge. We don't clean silk rugs, antique rugs or carpets that are coming up at the edges."),
    ],
    "cover/breakages-cover.pdf": [
        ("title", "Breakages cover: if something gets damaged during a clean"),
        ("p", "Accidents are rare, but in homes full of lovely things they do happen. Every Sparrowmere clean includes our breakages cover at no extra cost. This guide explains what's covered and how to claim. It's different from our re-clean guarantee, which is about the quality of the cleaning, not about damage."),
        ("h1", "What's covered"),
        ("p", "If your cleaner or carpet technician accidentally breaks or damages something in your home during a clean, we'll repair it, replace it, or pay you the reasonable cost of doing so, up to £2,500 per clean. There's no excess to pay."),
        ("h1", "How to claim"),
        ("steps", [
            "Tell us within 72 hours of the end of the clean, in My account > Past cleans > Report a breakage, or by email to care@sparrowmere.example.",
            "Send photos of the damage and, if you have it, a receipt or a link to the same item for sale.",
            "Keep the broken item until we've closed your claim, in case we need to see it.",
            "We'll reply within 2 working days and aim to settle your claim within 14 days.",
        ]),
        ("p", "Your cleaner reports every breakage in the clean report, however small. If they've reported it, we'll usually contact you before you contact us."),
        ("h1", "What's not covered"),
        ("grid", [
            ["Not covered", "Why"],
            ["Single items worth more than £500 that you didn't tell us about in writing before the clean", "We'd have asked the cleaner not to touch them"],
            ["Antiques, artworks and family heirlooms", "We'll dust around them but ask you to clean them yourself"],
            ["Things that were already broken, worn, loose or badly fitted", "For example a shelf that wasn't fixed properly"],
            ["Damage from products you asked us to use", "We follow your instructions"],
            ["Damage reported more than 72 hours after the clean", "We can't check what happened"],
            ["Cash, jewellery and watches", "Please put them away before your clean"],
        ]),
        ("h1", "Telling us about valuable items"),
        ("p", "If you have something worth more than £500 that your cleaner will be cleaning near (for example a large TV or a glass table), email us a description and its value before your clean. We'll add it to your home profile and it'll then be covered up to the £2,500 limit."),
        ("h1", "Damage to the property"),
        ("p", "Scratches or marks on floors, worktops or paintwork are covered in the same way, as long as they were caused by our cleaner's mistake and not by normal use of a product on a surface that wasn't suitable. If you're renting, we'll deal with your landlord directly if you'd like us to."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#6b4f8a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Sparrowmere - help.sparrowmere.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Sparrowmere",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Sparrowmere"
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
