"""Build the PDF and DOCX documents of the Parcelwise help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "international/customs-and-duties.pdf": [
        ("title", "Customs, duties and paperwork for international parcels"),
        ("p", "Every parcel sent outside the UK, and every parcel sent into the UK from abroad, needs a customs declaration. This guide explains which form you need, who pays duty and tax, and what happens if a charge isn't paid. For zones, prices and delivery times, see Sending abroad."),
        ("h1", "1. Which customs form?"),
        ("grid", [
            ["Value of contents", "Form", "How to fill it in"],
            ["Up to £270", "CN22", "Completed online when you book; printed on the label"],
            ["Over £270", "CN23", "Completed online when you book; print 2 copies and put them in the clear wallet on the parcel"],
            ["Goods sold by a business (any value)", "CN23 and commercial invoice", "3 copies of the commercial invoice in the clear wallet"],
        ]),
        ("p", "Describe each item clearly (for example \"cotton T-shirts, 3\" rather than \"clothes\") and give its real value. Parcels with vague descriptions such as \"gift\" or \"goods\" are often held by customs."),
        ("h1", "2. Sending a gift"),
        ("p", "Tick \"Gift\" on the declaration only if the parcel is a present from one private person to another and nothing was paid for it. A gift into the UK worth up to £39 has no import VAT or duty. Above £39, the recipient may have to pay."),
        ("h1", "3. Who pays duty and tax"),
        ("p", "Import VAT, customs duty and any local taxes are paid by the recipient, not the sender. For parcels coming into the UK, VAT is charged on most goods bought from abroad, and customs duty may also be due when the goods are worth more than £135."),
        ("p", "When we collect charges from a recipient in the UK, we add a customs handling fee of £8.00 per parcel. This is our fee for paying the charges to HM Revenue and Customs for you and releasing the parcel."),
        ("h2", "Paying the charges"),
        ("steps", [
            "We text and email the recipient a payment request with the amount due and a link to pay.",
            "Pay online at www.parcelwise.example/pay-customs with the tracking number. The parcel is released once payment is made.",
            "We deliver it within 2 working days of payment.",
        ]),
        ("p", "If the charges aren't paid within 21 days of the payment request, the parcel is returned to the sender, who pays the international return charge of £9.50."),
        ("h1", "4. Duties Paid for business senders"),
        ("p", "Parcelwise Business accounts can choose Duties Paid when sending to Zone 1 and Zone 2. The sender is invoiced for the duty and tax instead of the recipient, plus a fee of £4.50 per parcel. Duties Paid is not available to senders without a business account."),
        ("h1", "5. Parcels held at customs"),
        ("p", "Customs authorities can hold a parcel to check its contents or paperwork. Tracking then shows \"Held at customs\". We can't speed up a customs check. If customs asks for more information, we email the sender and the parcel waits until it is provided. Customs Team: 01 555 0170, 9am to 5pm Monday to Friday."),
        ("h1", "6. Items customs often stop"),
        ("bullets", [
            "Meat, milk and products made from them, sent into the UK or to the EU.",
            "Plants, seeds and soil.",
            "Medicines without a prescription in the recipient's name.",
            "Fake branded goods, which are destroyed.",
        ]),
    ],
    "business/business-accounts.pdf": [
        ("title", "Parcelwise Business: accounts for regular senders"),
        ("p", "A Parcelwise Business account is for companies, sole traders and online sellers that send at least 50 parcels a month. You get volume discounts, a monthly invoice, scheduled collections and tools for printing labels in bulk. If you send fewer than 50 parcels a month, you can still save 10% by booking 5 or more parcels in one order on a personal account."),
        ("h1", "Volume discounts"),
        ("grid", [
            ["Parcels per calendar month", "Discount on UK and international prices"],
            ["50 to 199", "10%"],
            ["200 to 999", "15%"],
            ["1,000 or more", "20%"],
        ]),
        ("p", "The discount is worked out on the number of parcels you sent the month before. In your first month, we use the number you tell us when you apply."),
        ("h1", "What's included"),
        ("bullets", [
            "Standard cover up to £50 per parcel on every business parcel (instead of £25 on personal accounts).",
            "Scheduled collections from your premises, Monday to Friday. A collection is free if there are 10 or more parcels; otherwise it costs £5.00.",
            "Upload a CSV file of addresses or connect your online shop to print up to 500 labels at a time.",
            "Duties Paid for Zone 1 and Zone 2 (fee £4.50 per parcel).",
            "A named account manager once you send 1,000 or more parcels a month.",
        ]),
        ("h1", "Invoices and payment"),
        ("p", "We send one invoice on the 1st of each month for the previous month's parcels, surcharges and collections. Pay by direct debit or bank transfer within 30 days of the invoice date. If an invoice is unpaid after 30 days, we add a late payment fee of £40.00 and may pause new bookings until it is paid."),
        ("h1", "How to apply"),
        ("steps", [
            "Apply at www.parcelwise.example/business with your company details and how many parcels you expect to send each month.",
            "Sole traders give their name and trading address; limited companies give their company registration number.",
            "We run a credit check, which takes up to 2 working days.",
            "Once approved, you get your account number and can start booking straight away.",
        ]),
        ("h1", "Leaving Parcelwise Business"),
        ("p", "You can close a business account with 1 month's written notice to the Business Desk. We send a final invoice for any parcels sent before closure."),
        ("p", "Business Desk: 01 555 0150, 8am to 6pm Monday to Friday, business@parcelwise.example."),
    ],
    "cover/compensation-cover-levels.docx": [
        ("title", "Compensation cover levels"),
        ("p", "Every parcel you send comes with Standard cover. If what you are sending is worth more, you can add Cover Plus or Cover Max when you book. Cover pays the value of the contents if the parcel is lost or damaged while we are responsible for it, up to the limit of your cover level. It is not insurance. Business accounts have different cover: see Parcelwise Business."),
        ("h1", "Cover levels and prices"),
        ("grid", [
            ["Cover level", "Pays up to", "Price per parcel", "Available for"],
            ["Standard", "£25", "Included", "All parcels, UK and international"],
            ["Cover Plus", "£150", "£2.49", "UK, Zone 1 and Zone 2"],
            ["Cover Max", "£500", "£5.99", "UK only; includes Signed For"],
        ]),
        ("h1", "Choosing the right level"),
        ("p", "Choose the level that covers what the contents are worth. If you choose a lower level than the value, we only pay up to that level. If you choose a higher level than the value, we only pay the real value, so there is no point paying for more cover than you need."),
        ("h1", "Conditions"),
        ("bullets", [
            "Cover must be added when you book. It can't be added after drop-off or collection.",
            "You need proof of value for any claim over £25.",
            "Cover doesn't apply to prohibited items, to damage caused by poor packing, or to parcels left in a safe place the recipient chose.",
            "Some kinds of item have a lower limit whatever cover you choose; see the Terms of Carriage.",
            "Parcels with Cover Max can't be left with a neighbour or in a safe place.",
        ]),
        ("h1", "Refund of the delivery price"),
        ("p", "When we accept a claim for a lost parcel, we also refund the delivery price you paid, including any cover you bought. For a damaged parcel, we refund the delivery price only if the contents can't be repaired."),
        ("h1", "Making a claim"),
        ("p", "See Lost and damaged parcels: how to claim for time limits and what you need. Claims Team: 01 555 0160, 9am to 5pm Monday to Friday."),
    ],
    "returns/sending-a-return.docx": [
        ("title", "Sending a return to an online shop"),
        ("p", "Many online shops use Parcelwise for returns. This guide is for sending back something you bought online. To send your own parcel to someone else, book a normal delivery instead."),
        ("h1", "If the shop gives you a return code"),
        ("p", "The shop gives you a return QR code, or a return code starting with RT, from its website or its order email. The shop has already paid, so the return is free for you. A return code is valid for 30 days from when the shop creates it."),
        ("steps", [
            "Pack the item securely. You can reuse the original box if it's in good condition; cover the old label.",
            "Take the parcel to any Parcelwise Shop or Parcelwise Locker (lockers take Small and Medium only).",
            "Scan or show your return QR code. At a shop, the assistant prints and sticks on the label. At a locker, the label is printed inside the door.",
            "Keep your email receipt. It is your proof that you sent the item back.",
        ]),
        ("h1", "If the shop doesn't pay for returns"),
        ("p", "You can book a return yourself at the return prices below, which are lower than normal UK prices. Choose \"Return to a business\" when you book and enter the shop's returns address."),
        ("grid", [
            ["Size", "Return price (drop-off)"],
            ["Small", "£2.99"],
            ["Medium", "£4.49"],
            ["Large", "£7.99"],
        ]),
        ("p", "Extra Large returns must be booked at the normal Extra Large price."),
        ("h1", "Collection of a return from home"),
        ("p", "If you can't get to a shop or locker, we can collect the return from your home for £2.50, unless the shop has already paid for collection."),
        ("h1", "Refunds for the item"),
        ("p", "Your refund for the item comes from the shop, not from Parcelwise. Shops can see when the return was dropped off and when it was delivered to them. If the shop says it hasn't received your return, send them the tracking number from your receipt."),
        ("h1", "Cover on returns"),
        ("p", "Returns booked by a shop are covered by the shop's own agreement with Parcelwise. Returns you book yourself have Standard cover, and you can add Cover Plus."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9480f")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "Parcelwise - help.parcelwise.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Parcelwise",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "Parcelwise"
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
