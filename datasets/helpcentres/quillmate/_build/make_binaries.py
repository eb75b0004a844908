"""Build the PDF and DOCX documents of the Quillmate help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
Outputs are written under ../docs/. The source text lives in DOCS below, so
it can also be used to check golden answers against the text.

Block types: ("h1", text) ("h2", text) ("p", text) ("ul", [items])
("ol", [items]) ("table", [header_row, row, ...]).
"""
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
DOCS_DIR = HERE.parent / "docs"

DOCS = {}

# ---------------------------------------------------------------- pricing PDF
DOCS["billing/plans-and-pricing.pdf"] = {
    "title": "Quillmate plans and pricing 2027",
    "blocks": [
        ("h1", "Quillmate plans and pricing 2027"),
        ("p", "Pricing sheet, valid from 1 January 2027. quillmate.example/pricing. "
              "Three plans, no hidden fees, and no sales rep who calls you 'buddy'."),
        ("h2", "The plans at a glance"),
        ("table", [
            ["", "Solo", "Team", "Agency"],
            ["Monthly price", "$12/month", "$29/month", "$79/month"],
            ["Annual price", "$120/year", "$290/year", "$790/year"],
            ["Seats included", "1", "3", "10"],
            ["Extra seat", "Not available", "$6/month", "$5/month"],
            ["Active clients", "50", "Unlimited", "Unlimited"],
            ["Recurring invoice schedules", "5", "Unlimited", "Unlimited"],
            ["Receipt scans per month", "25", "200", "Unlimited"],
            ["Bank feeds", "1", "3", "10"],
            ["Multi-currency invoices", "No", "Yes", "Yes"],
            ["API and webhooks", "No", "Yes", "Yes"],
            ["Platform fee on card/PayPal payments", "0.5%", "0%", "0%"],
            ["Support", "Email, 2 business days", "Email, 1 business day", "Priority email and live chat"],
        ]),
        ("p", "Prices are in US dollars and exclude VAT and sales tax, which are added at checkout "
              "depending on where your business is. EUR and GBP prices are shown at checkout."),
        ("h2", "Which plan is for me?"),
        ("ul", [
            "Solo: one person, a handful of clients, and a strong opinion about fonts.",
            "Team: a small studio or a freelancer with a part-time helper. Adds seats, multi-currency and the API.",
            "Agency: ten or more people, lots of clients, and someone whose job title contains the word 'operations'.",
        ]),
        ("h2", "Free trial"),
        ("p", "Every plan starts with a 14-day free trial. No card needed. At the end of the trial "
              "you pick a plan, or the account becomes read-only until you do. Nothing is deleted."),
        ("h2", "Annual billing"),
        ("p", "Paying yearly costs the same as 10 months, so you get two months free. "
              "Annual plans can be refunded pro-rata if you cancel within 30 days of the purchase or "
              "renewal date. Monthly plans are not refunded, but you keep access until the end of the month you paid for."),
        ("h2", "Upgrading and downgrading"),
        ("ul", [
            "Upgrades take effect immediately. You pay the difference for the rest of the billing period.",
            "Downgrades take effect at the end of the current billing period.",
            "If you downgrade to Solo with more than 50 active clients, you'll need to archive some first.",
        ]),
        ("h2", "Discounts"),
        ("p", "Students and recent graduates get 50% off Solo for the first year with a valid student email. "
              "There are no other discounts, coupons or secret handshakes."),
    ],
}

# ---------------------------------------------------------------- DPA PDF
DOCS["legal/data-processing-agreement.pdf"] = {
    "title": "Quillmate Data Processing Agreement",
    "blocks": [
        ("h1", "Data Processing Agreement (DPA)"),
        ("p", "Version 3.1, effective 1 September 2026. This DPA forms part of the Quillmate Terms of Service "
              "between you (the Customer, acting as controller) and Quillmate Software Ltd, 4 Inkwell Yard, "
              "Dublin, Ireland (Quillmate, acting as processor). It applies automatically; there is nothing to "
              "sign. If your lawyer insists on a countersigned copy, email privacy@quillmate.example."),
        ("h2", "1. Scope and purpose"),
        ("p", "Quillmate processes personal data contained in your account (for example your clients' names, "
              "email addresses, postal addresses, invoice contents, receipts and bank transactions) only to "
              "provide the Quillmate service and only on your documented instructions."),
        ("h2", "2. Where data is stored"),
        ("p", "Customer data is hosted in the European Union, in data centres in Frankfurt, Germany. "
              "Data is encrypted at rest with AES-256 and in transit with TLS 1.2 or higher."),
        ("h2", "3. Subprocessors"),
        ("p", "Quillmate uses the following subprocessors:"),
        ("table", [
            ["Subprocessor", "Purpose", "Location"],
            ["Cloudharbor GmbH", "Hosting and backups", "Germany"],
            ["Postbird Ltd", "Sending invoice and reminder emails", "Ireland"],
            ["ReceiptLens B.V.", "Receipt scanning (OCR)", "Netherlands"],
            ["Helpwise Desk Inc.", "Support ticketing", "United States (Standard Contractual Clauses)"],
        ]),
        ("p", "Stripe and PayPal are not subprocessors: when you connect them, they act as independent "
              "controllers under their own terms. Quillmate will give at least 30 days' notice before adding "
              "a new subprocessor, by email to the account owner. You may object within 14 days of the notice."),
        ("h2", "4. Security incidents"),
        ("p", "Quillmate will notify the Customer without undue delay, and in any event within 48 hours, after "
              "becoming aware of a personal data breach affecting Customer data. The notice will describe the "
              "nature of the breach, the data concerned and the measures taken."),
        ("h2", "5. Confidentiality"),
        ("p", "Everyone at Quillmate with access to Customer data is bound by confidentiality obligations. "
              "Support staff can only view account data when you grant temporary access from Settings > Security, "
              "and that access expires after 72 hours."),
        ("h2", "6. Deletion and return of data"),
        ("ul", [
            "You can export your data at any time from Settings > Data.",
            "After the account is closed, Customer data is deleted within 30 days.",
            "Backup copies are overwritten within 90 days of closure.",
            "Quillmate may keep invoices it issued to you for your subscription, as required by tax law.",
        ]),
        ("h2", "7. Audits"),
        ("p", "The Customer may audit Quillmate's compliance with this DPA once per year, with at least 30 days' "
              "written notice, at the Customer's cost. Quillmate will first provide its most recent "
              "independent security assessment, which usually answers the questions."),
        ("h2", "8. Governing law"),
        ("p", "This DPA is governed by the laws of Ireland. In case of conflict between this DPA and the Terms "
              "of Service, this DPA wins on data protection matters."),
    ],
}

# ---------------------------------------------------------------- close account DOCX
DOCS["account/close-your-account.docx"] = {
    "title": "Closing your Quillmate account",
    "blocks": [
        ("h1", "Closing your Quillmate account"),
        ("p", "Leaving? We're sad, but we're not going to make you click through seven 'are you sure' screens "
              "and a guilt-trip survey. Here's how to close your account cleanly, and what happens to your data."),
        ("p", "This article is about closing your entire Quillmate account. If you only want to remove one client, "
              "see 'Delete or archive a client' instead - much less dramatic."),
        ("h2", "Before you close: export everything"),
        ("p", "Once your data is deleted, it's gone, and you'll probably need those invoices at tax time."),
        ("ol", [
            "Go to Settings > Data > Export everything.",
            "We build a ZIP file with CSV files (clients, invoices, payments, expenses, time entries) and a PDF of every invoice.",
            "You get an email when it's ready, usually within an hour. The download link is valid for 7 days.",
            "Receipt images are included in a separate ZIP because they can be big.",
        ]),
        ("h2", "Cancel the subscription or close the account?"),
        ("table", [
            ["", "Cancel subscription", "Close account"],
            ["Where", "Settings > Billing", "Settings > Account > Close account"],
            ["Can still sign in", "Yes, read-only after the paid period", "No"],
            ["Data kept", "Yes, as long as you like", "30 days, then permanently deleted"],
            ["Who can do it", "Owner", "Owner only"],
        ]),
        ("h2", "Closing the account, step by step"),
        ("ol", [
            "Sign in as the account Owner. Admins can't close an account - we checked, and so did our lawyers.",
            "Go to Settings > Account > Close account.",
            "Pick a reason (optional, but it helps us).",
            "Type CLOSE in capitals and enter your password.",
            "Click Close my account.",
        ]),
        ("h2", "What happens straight away"),
        ("ul", [
            "Everyone on the account is signed out, including mobile apps.",
            "All open payment links stop working immediately, so collect outstanding payments first.",
            "Stripe and PayPal are disconnected. Money already on its way to your bank still arrives.",
            "Recurring invoices and reminders stop.",
            "API keys are revoked and webhooks stop sending.",
            "Bank feeds are disconnected.",
        ]),
        ("h2", "What happens to your data"),
        ("p", "We keep your data for 30 days after closure in case you change your mind. During those 30 days you "
              "can reopen the account by emailing support@quillmate.example from the Owner's email address. After "
              "30 days, everything is permanently deleted and can't be recovered. Backups are overwritten within 90 days."),
        ("h2", "Refunds"),
        ("ul", [
            "Monthly plans: no refund for the current month.",
            "Annual plans: pro-rata refund if you close within 30 days of the purchase or renewal date. After that, no refund.",
        ]),
        ("h2", "Changed your mind about the whole thing?"),
        ("p", "If you just want to pay less, downgrading to Solo might be what you need. It keeps all your data and "
              "costs $12/month."),
    ],
}

# ---------------------------------------------------------------- seats and roles DOCX
DOCS["team/seats-and-roles.docx"] = {
    "title": "User seats and roles",
    "blocks": [
        ("h1", "User seats and roles"),
        ("p", "Bookkeeping is more fun with friends. Well, it's less lonely. Team and Agency plans let you invite "
              "other people into your Quillmate account and decide exactly what each of them can see and do."),
        ("h2", "How many seats do I get?"),
        ("table", [
            ["Plan", "Seats included", "Extra seats"],
            ["Solo", "1 (just you)", "Not available"],
            ["Team", "3", "$6/month each"],
            ["Agency", "10", "$5/month each"],
        ]),
        ("p", "Extra seats are billed pro-rata from the day you add them. Removing someone frees the seat straight "
              "away, and the extra seat charge stops at the end of the billing period."),
        ("p", "Accountants are free: the Accountant role doesn't use a seat, and you can invite up to 2 Accountants "
              "on any plan, including Solo."),
        ("h2", "Roles and permissions"),
        ("table", [
            ["Permission", "Owner", "Admin", "Accountant", "Member"],
            ["Create and send invoices", "Yes", "Yes", "No", "Own clients only"],
            ["See all clients", "Yes", "Yes", "Yes", "Assigned clients only"],
            ["Reports and exports", "Yes", "Yes", "Yes", "No"],
            ["Edit expenses and tax rates", "Yes", "Yes", "Yes", "Own expenses only"],
            ["Payment settings (Stripe, PayPal)", "Yes", "Yes", "No", "No"],
            ["Invite and remove users", "Yes", "Yes", "No", "No"],
            ["API keys and webhooks", "Yes", "Yes", "No", "No"],
            ["Change plan and billing", "Yes", "No", "No", "No"],
            ["Close the account", "Yes", "No", "No", "No"],
        ]),
        ("p", "There is exactly one Owner per account. Everyone else is an Admin, Accountant or Member."),
        ("h2", "Inviting someone"),
        ("ol", [
            "Go to Settings > Team and click Invite.",
            "Enter their email address and choose a role.",
            "For Members, choose which clients they can work with.",
            "They get an email invitation. Invitations expire after 7 days; you can resend them.",
        ]),
        ("h2", "Removing someone"),
        ("p", "Open Settings > Team, click the person, then Remove from team. Invoices, expenses and time entries "
              "they created stay in the account and are reassigned to the Owner. Their sessions end immediately."),
        ("h2", "Transferring ownership"),
        ("p", "Selling the business, or finally handing the admin to someone who enjoys it? Go to Settings > Team > "
              "Transfer ownership and pick an existing Admin. They must have two-step login switched on, and they "
              "must accept within 48 hours or the transfer is cancelled. You become an Admin afterwards."),
        ("h2", "Good to know"),
        ("ul", [
            "Roles apply to the web app, the mobile app and the API alike.",
            "Owners and Admins can reset a member's two-step login from Settings > Team.",
            "Nobody, including the Owner, can see another user's password.",
        ]),
    ],
}


# ---------------------------------------------------------------- helpers
def plain_text(doc):
    """Flatten a document's blocks to plain text (used by the golden checks)."""
    out = []
    for kind, content in doc["blocks"]:
        if kind in ("h1", "h2", "p"):
            out.append(content)
        elif kind in ("ul", "ol"):
            out.extend(content)
        elif kind == "table":
            out.extend(" | ".join(row) for row in content)
    return "\n".join(out)


def build_pdf(rel, doc):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph,
                                    SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8.5, leading=10.5)
    story = []
    for kind, content in doc["blocks"]:
        if kind == "h1":
            story.append(Paragraph(escape(content), styles["Title"]))
        elif kind == "h2":
            story.append(Paragraph(escape(content), styles["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(escape(content), styles["BodyText"]))
        elif kind in ("ul", "ol"):
            items = [ListItem(Paragraph(escape(t), styles["BodyText"])) for t in content]
            story.append(ListFlowable(items, bulletType="bullet" if kind == "ul" else "1"))
        elif kind == "table":
            data = [[Paragraph(escape(c), cell) for c in row] for row in content]
            t = Table(data, repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(Spacer(1, 4))
            story.append(t)
            story.append(Spacer(1, 6))
    out = DOCS_DIR / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(str(out), pagesize=A4, title=doc["title"], author="Quillmate Software Ltd",
                      leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=16 * mm, bottomMargin=16 * mm).build(story)
    return out


def build_docx(rel, doc):
    import docx

    d = docx.Document()
    d.core_properties.title = doc["title"]
    d.core_properties.author = "Quillmate Help Centre"
    for kind, content in doc["blocks"]:
        if kind == "h1":
            d.add_heading(content, level=1)
        elif kind == "h2":
            d.add_heading(content, level=2)
        elif kind == "p":
            d.add_paragraph(content)
        elif kind in ("ul", "ol"):
            style = "List Bullet" if kind == "ul" else "List Number"
            for item in content:
                d.add_paragraph(item, style=style)
        elif kind == "table":
            t = d.add_table(rows=len(content), cols=len(content[0]))
            t.style = "Table Grid"
            for i, row in enumerate(content):
                for j, val in enumerate(row):
                    t.cell(i, j).text = val
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
    out = DOCS_DIR / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    return out


def main():
    for rel, doc in DOCS.items():
        path = build_pdf(rel, doc) if rel.endswith(".pdf") else build_docx(rel, doc)
        words = len(plain_text(doc).split())
        print(f"wrote {path.relative_to(HERE.parent)} ({words} words)")


if __name__ == "__main__":
    main()
