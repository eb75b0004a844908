"""Build the PDF and DOCX documents of the Inkwell Print help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "products/posters-and-banners.pdf": [
        ("title", "Posters and banners: specification sheet"),
        ("p", "Large-format printing for indoor posters, outdoor posters and PVC or mesh banners. Version 2026-09. For paper details see Paper stocks and finishes; for general artwork rules see Bleed, trim and safe area."),
        ("h1", "1. Poster sizes and prices"),
        ("grid", [
            ["Size", "Finished size (mm)", "1 copy", "10 copies (each)", "50 copies (each)"],
            ["A3", "297 x 420", "£9.00", "£4.20", "£2.10"],
            ["A2", "420 x 594", "£14.00", "£6.80", "£3.60"],
            ["A1", "594 x 841", "£22.00", "£11.50", "£6.90"],
            ["A0", "841 x 1189", "£34.00", "£19.00", "£12.50"],
        ]),
        ("p", "Posters are printed single-sided on 190gsm satin poster paper for indoor use. For posters on outdoor boards, choose 115gsm blueback paper at the same price; blueback is made to be pasted and is not suitable for framing."),
        ("h1", "2. Poster artwork"),
        ("bullets", [
            "Bleed: 3 mm on each edge, like all our paper products.",
            "Safe area: keep text at least 10 mm inside the trim.",
            "Resolution: see the table in Image resolution and colour mode. A0 posters can be supplied at 150 dpi.",
            "Posters are sent rolled in a cardboard tube. Flat packing is available for A3 and A2 for £6.00 per order.",
        ]),
        ("h1", "3. Banner materials"),
        ("grid", [
            ["Material", "Weight", "Use", "Outdoor life", "Price per square metre"],
            ["PVC banner", "510gsm", "Indoor and outdoor, fences, shop fronts", "Up to 2 years", "£18.00"],
            ["Mesh banner", "370gsm", "Windy sites, scaffolding, high fences", "Up to 3 years", "£24.00"],
        ]),
        ("p", "Minimum charge for a banner is £30.00. Any size from 0.5 m x 0.5 m up to 5 m x 2 m in one piece. Larger banners are made in panels joined with a welded seam."),
        ("h1", "4. Banner artwork: bleed and safe area"),
        ("p", "Banners are hemmed and fitted with eyelets, so the figures are larger than for paper products."),
        ("grid", [
            ["Setting", "Banners"],
            ["Bleed on each edge", "10 mm"],
            ["Safe area inside trim", "50 mm"],
            ["Hem", "20 mm folded and welded on all edges"],
            ["Resolution at full size", "100 dpi recommended, 72 dpi minimum"],
        ]),
        ("p", "Supply banner artwork at full size, or at 1:10 scale with the resolution raised to match (for example 1,000 dpi at 1:10). Do not add eyelet marks to your artwork; we place them."),
        ("h1", "5. Finishing options"),
        ("grid", [
            ["Option", "Price", "Notes"],
            ["Eyelets every 50 cm", "Included", "Brass eyelets in all four edges, cable ties included"],
            ["Eyelets every 25 cm", "£5.00 per banner", "Recommended for fences in exposed places"],
            ["Pole pocket", "£8.00 per edge", "75 mm pocket, top and/or bottom"],
            ["No eyelets, hems only", "Included", ""],
        ]),
        ("h1", "6. Hanging a banner"),
        ("steps", [
            "Fix the top corners first, then the bottom corners, pulling the banner tight.",
            "Fix the remaining eyelets, working from the middle outwards.",
            "On a fence, use a cable tie through every eyelet. Leave mesh banners slightly loose at the bottom in high winds.",
            "Do not fold a PVC banner for storage; roll it with the print facing out.",
        ]),
    ],
    "products/paper-stocks-and-finishes.pdf": [
        ("title", "Paper stocks and finishes"),
        ("p", "This guide lists every paper we print on and the finishes you can add. gsm (grams per square metre) measures weight; thickness is given in microns (1,000 microns = 1 mm)."),
        ("h1", "1. Stocks"),
        ("grid", [
            ["Stock", "Weight", "Thickness", "Surface", "Used for"],
            ["Uncoated", "120gsm", "150 microns", "Uncoated", "Flyers you will write on"],
            ["Silk", "130gsm", "120 microns", "Coated, low sheen", "Leaflets, folded leaflets"],
            ["Silk", "170gsm", "160 microns", "Coated, low sheen", "Flyers"],
            ["Satin poster", "190gsm", "200 microns", "Coated, satin", "Indoor posters"],
            ["Gloss", "250gsm", "230 microns", "Coated, high gloss", "Promotional cards"],
            ["Pearlescent", "300gsm", "340 microns", "Shimmer", "Wedding stationery"],
            ["Classic silk", "400gsm", "420 microns", "Coated, low sheen", "Business cards"],
            ["Premium matt laminated", "450gsm", "480 microns", "Matt laminated both sides", "Business cards"],
            ["Cotton", "540gsm", "700 microns", "Soft, uncoated", "Wedding stationery"],
            ["Luxe uncoated", "600gsm", "780 microns", "Uncoated, textured", "Business cards"],
        ]),
        ("h1", "2. Writing on printed items"),
        ("p", "Uncoated, cotton and Luxe stocks take pencil, ballpoint and fountain pen. Silk and satin take pencil and ballpoint. Gloss and laminated stocks only take permanent marker."),
        ("h1", "3. Finishes"),
        ("grid", [
            ["Finish", "Available on", "What it does"],
            ["Matt lamination", "Business cards, posters", "Thin plastic film, scuff resistant"],
            ["Soft-touch lamination", "Business cards", "Velvet feel; shows fingerprints less than matt"],
            ["Spot UV", "Laminated business cards", "Raised clear gloss on chosen areas"],
            ["Foil (gold, silver, rose gold, copper)", "Business cards, wedding stationery", "Metallic foil on chosen areas"],
        ]),
        ("h1", "4. Preparing a mask file for spot UV or foil"),
        ("steps", [
            "Make a copy of your design with the same size and bleed.",
            "Colour the areas to be spot UV or foiled 100% K (solid black); everything else white.",
            "Keep lines at least 0.3 mm thick for foil and 0.5 mm for spot UV.",
            "Keep foil and spot UV at least 3 mm inside the trim.",
            "Add the mask as an extra page in the same PDF, after the page it belongs to, and name the upload 'mask'.",
        ]),
        ("p", "Foil is applied to one side only. Do not use foil on text smaller than 8 pt. Fine foil lines may fill in slightly; this is not a defect."),
        ("h1", "5. Storing paper products"),
        ("p", "Keep printed items flat and dry, away from direct sunlight. Uncoated and cotton stocks can mark if handled with damp hands."),
    ],
    "products/wedding-stationery.docx": [
        ("title", "Wedding stationery: products, prices and planning"),
        ("p", "Save the dates, invitations, RSVP cards, place cards, orders of service and table plans, printed on pearlescent or cotton stock. Matching designs are available for every item."),
        ("h1", "Products and sizes"),
        ("grid", [
            ["Item", "Size", "Stocks"],
            ["Save the date", "A6 (105 x 148 mm) or 5 x 7 inch", "Pearlescent 300gsm, Cotton 540gsm"],
            ["Invitation", "5 x 7 inch (127 x 178 mm) or square 148 x 148 mm", "Pearlescent 300gsm, Cotton 540gsm"],
            ["RSVP card", "A6 (105 x 148 mm)", "Pearlescent 300gsm, Cotton 540gsm"],
            ["Place card", "90 x 50 mm folded", "Pearlescent 300gsm"],
            ["Order of service", "A5 folded to A6", "Silk 170gsm"],
            ["Table plan", "A2 or A1 poster", "Satin poster 190gsm"],
        ]),
        ("h1", "Invitation prices"),
        ("grid", [
            ["Quantity", "Pearlescent 300gsm", "Cotton 540gsm"],
            ["25", "£38.00", "£52.00"],
            ["50", "£62.00", "£84.00"],
            ["100", "£98.00", "£135.00"],
            ["150", "£139.00", "£189.00"],
        ]),
        ("p", "Every invitation comes with an envelope in white, ivory or kraft at no extra cost. Coloured envelopes (sage, dusty pink, navy) cost £0.40 each. Gold foil on invitations adds £0.50 per invitation."),
        ("h2", "Bundle discount"),
        ("p", "Order RSVP cards in the same basket as invitations and get 10% off the RSVP cards."),
        ("h1", "Sample pack"),
        ("p", "See and feel our stocks before you order. The sample pack contains one of each item on both stocks, plus envelope colours. It costs £4.50 including delivery, arrives in 2 to 3 working days, and is limited to one per household. Use the code on the sample card within 60 days and we take £4.50 off a wedding order over £50."),
        ("h1", "Guest names printed on each invitation"),
        ("steps", [
            "Choose 'Personalise with guest names' on the product page.",
            "Download the spreadsheet template and add one row per invitation. Names can be up to 40 characters.",
            "Upload the spreadsheet as a CSV file with your artwork.",
            "Check every name on the proof. We print exactly what is in the spreadsheet.",
        ]),
        ("p", "Guest names cost £0.30 per invitation, up to 200 names per order."),
        ("h1", "Planning timeline"),
        ("grid", [
            ["Item", "When to send", "When to order"],
            ["Save the dates", "6 to 12 months before", "At least 2 weeks before sending"],
            ["Invitations", "8 to 10 weeks before", "12 weeks before the wedding"],
            ["Place cards, orders of service, table plan", "On the day", "4 weeks before the wedding"],
        ]),
        ("p", "Wedding stationery takes 7 working days to print at Standard speed, or 3 working days at Express. Same Day is not available. Delivery time is extra."),
        ("h1", "Returns"),
        ("p", "Because every wedding order is personalised, it cannot be returned or cancelled after you approve the proof, unless it is defective. Check the spelling of names, the date and the venue very carefully on the proof."),
    ],
    "account/trade-accounts.docx": [
        ("title", "Trade accounts"),
        ("p", "Trade accounts are for graphic designers, agencies, print brokers and resellers who order for their own clients. A trade account is free."),
        ("h1", "How to apply"),
        ("steps", [
            "Sign in and go to Account > Trade > Apply for a trade account.",
            "Enter your company registration number, or upload 2 invoices to clients from the last 6 months if you are a sole trader.",
            "The Trade Desk checks your application within 2 working days and emails you the decision.",
        ]),
        ("h1", "Benefits"),
        ("grid", [
            ["Benefit", "Detail"],
            ["Trade discount", "10% off all print prices; 15% once your spend in the last 12 months is over £10,000"],
            ["Blind delivery", "Plain boxes and delivery notes without Inkwell Print branding, free of charge"],
            ["Your own delivery note", "Upload your logo once and we add it to the delivery note"],
            ["Artwork storage", "2 years after the last order instead of 90 days"],
            ["Team users", "Up to 10 users with the roles Admin, Approver and Uploader"],
            ["Trade Desk", "01 555 0147, Monday to Friday, 8am to 5pm"],
        ]),
        ("p", "Trade prices in the trade portal are shown excluding VAT. VAT at 20% is added at checkout. The trade discount cannot be combined with bulk discounts; you get whichever is higher. It does not apply to delivery, proofs or production surcharges."),
        ("h1", "Paying on account (30-day terms)"),
        ("p", "After 3 months of trading and at least £1,000 spend, you can apply for credit terms. We then invoice you monthly and you pay by bank transfer within 30 days of the invoice date. The starting credit limit is £2,000; ask the Trade Desk to review it after 6 months."),
        ("bullets", [
            "Invoices not paid after 30 days are charged interest at 4% a year above the Bank of England base rate.",
            "If an invoice is 14 days overdue, the account is put on hold and new orders must be paid by card.",
            "Credit terms can be withdrawn after two late payments in 12 months.",
        ]),
        ("h1", "Users and roles"),
        ("grid", [
            ["Role", "Can upload and order", "Can approve proofs", "Can see invoices and manage users"],
            ["Admin", "Yes", "Yes", "Yes"],
            ["Approver", "Yes", "Yes", "No"],
            ["Uploader", "Yes", "No", "No"],
        ]),
        ("h1", "Closing a trade account"),
        ("p", "Give 30 days' notice by email to trade@inkwellprint.example. Any unpaid invoices become due on the closing date. Stored artwork is deleted 90 days after closing."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b3a67")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Inkwell Print - help.inkwellprint.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Inkwell Print",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Inkwell Print"
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
