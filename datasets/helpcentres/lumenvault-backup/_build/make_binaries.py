"""Build the PDF and DOCX documents of the LumenVault help centre.

Run with: /work/main/.venv/bin/python _build/make_binaries.py
The source text of every binary document lives in SOURCES below, so that the golden
files can be checked against it without parsing PDF or DOCX. Outputs go to ../docs/.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs"

# Blocks: ("title", s) ("h1", s) ("h2", s) ("p", s) ("bullets", [..]) ("steps", [..]) ("grid", [[head..], [row..]..])
SOURCES: dict[str, list[tuple[str, object]]] = {
    "security/encryption-keys.pdf": [
        ("title", "Encryption keys: Standard key and private key"),
        ("p", "LumenVault security white paper for customers, edition 5, October 2026. This document explains how your files are encrypted and what happens if you lose a private key. It is not about your account password, which you can always reset (see Account password, sign-in and 2-step verification)."),
        ("h1", "1. How files are encrypted"),
        ("p", "The agent encrypts every file on your computer with AES-256 before it is uploaded, and sends it over TLS 1.3. Files stay encrypted in our data centres. What differs between the two options is who holds the key that unlocks your files."),
        ("h1", "2. The two options"),
        ("grid", [
            ["", "Standard key", "Private key"],
            ["Who holds the key", "LumenVault, in a hardware security module", "Only you, as a passphrase"],
            ["Passphrase rules", "None (uses your account password to sign in)", "At least 16 characters"],
            ["Can LumenVault restore files for you", "Yes", "No"],
            ["If you forget it", "Reset your account password as usual", "Files cannot be recovered by anyone"],
            ["Courier Restore Drive", "Available", "Available; you enter the passphrase once when ordering"],
            ["Admin restores for other users (Business)", "Yes", "Only with Key Escrow (Business Pro)"],
        ]),
        ("p", "You choose the option when you install the agent on your first computer, before the first backup. Every computer on a Home account uses the same option. Changing from Standard key to private key, or back, is only possible by resetting the key, which deletes the existing backups and starts a new backup."),
        ("h1", "3. Setting a private key"),
        ("steps", [
            "During set-up, choose Private key and type a passphrase of at least 16 characters.",
            "The agent creates a recovery kit file called LumenVault-Recovery-Kit.txt that contains your passphrase. Save it somewhere other than the computer you are backing up, such as a password manager or a printout in a safe place.",
            "Type the passphrase a second time to confirm you have it. The backup starts.",
        ]),
        ("h1", "4. If you lose your private key"),
        ("p", "We do not have your private key and cannot reset it, recover it or decrypt your files without it. Nobody at LumenVault can do this, and there is no paid recovery service. Before giving up:"),
        ("bullets", [
            "Search for the recovery kit file LumenVault-Recovery-Kit.txt on other computers, USB sticks, in your email and in your password manager.",
            "If the computer that was backed up still works and you are still signed in to the agent, your files are still on that computer: copy them somewhere safe first.",
            "On Business Pro with Key Escrow turned on, ask two escrow Admins to approve a key recovery. Recovery is completed within 1 working day after both have approved.",
        ]),
        ("p", "If the passphrase is really lost, go to Settings > Security > Reset private key in the agent. This permanently deletes all existing backups made with the old key, on every computer of the account, and starts a new backup with a new key. It cannot be undone."),
        ("h1", "5. Wrong passphrase"),
        ("p", "After 10 wrong passphrases in the web app or the agent, restores are locked for 1 hour. The lock does not affect backups, which continue as normal. The agent shows error LV-611 Private key required when a passphrase is needed."),
        ("h1", "6. Changing your passphrase"),
        ("p", "If you still know your passphrase, you can change it under Settings > Security > Change passphrase. You must enter the old passphrase. Your existing backups stay and are not uploaded again. A new recovery kit is created; destroy the old one."),
    ],
    "account/closing-your-account.pdf": [
        ("title", "Closing your account and deleting your data"),
        ("p", "This document explains how to close a LumenVault account and what happens to your backups. If you only want to stop backing up one computer, remove that device instead (see Devices on your plan). If your account was suspended because a payment failed, see Billing, payments and VAT invoices: suspension follows different rules."),
        ("h1", "1. Who can close an account"),
        ("p", "On Home plans, the account holder. On Business plans, only the Owner can close the account; Admins cannot. If the Owner has left the company, contact Customer Support on 01 555 0120 with proof that you are authorised to act for the business."),
        ("h1", "2. Before you close"),
        ("bullets", [
            "Restore anything you want to keep. After closing you cannot restore, unless you reopen the account.",
            "Download your VAT invoices from Billing > Invoices; they are not available after closing.",
            "Cancel Courier Restore Drive orders that have not shipped.",
        ]),
        ("h1", "3. How to close"),
        ("steps", [
            "Sign in at web.lumenvault.example and go to Account > Close account (Business: Admin Console > Account > Close account).",
            "Enter your account password.",
            "Choose Keep for 30 days (recommended) or Delete immediately.",
            "Type CLOSE in capital letters and confirm. We send a confirmation email.",
        ]),
        ("h1", "4. What happens next"),
        ("grid", [
            ["", "Keep for 30 days", "Delete immediately"],
            ["Backups", "Stop straight away", "Stop straight away"],
            ["Your data", "Kept for 30 days, then deleted", "Deleted within 72 hours"],
            ["Reopening", "Sign in within 30 days and choose Reopen account", "Not possible"],
            ["Copies in both data centres of your region", "Removed within a further 14 days", "Removed within a further 14 days"],
        ]),
        ("p", "Deleted data cannot be recovered by anyone, including LumenVault."),
        ("h1", "5. Payments and refunds when you close"),
        ("p", "Closing stops future payments. A yearly plan closed within 14 days of buying or renewing is refunded in full. Otherwise there is no refund for the rest of the month or year you have paid for. An unreturned Courier Restore Drive is not refunded."),
        ("h1", "6. Deletion certificate"),
        ("p", "Business customers can ask for a deletion certificate confirming that all backups have been destroyed. Email privacy@lumenvault.example after the deletion is complete; we send the certificate within 10 working days. Home customers receive a confirmation email instead."),
        ("h1", "7. Your personal data"),
        ("p", "Deleting backups is separate from the personal data we hold about you as a customer (name, email, invoices). We keep invoices for 6 years because the law requires it, and delete the rest of your customer record 12 months after your account is closed. To ask for a copy of your personal data, email privacy@lumenvault.example."),
    ],
    "teams/team-seats-and-admin-roles.docx": [
        ("title", "Team seats and admin roles"),
        ("p", "For Business Starter and Business Pro. Home plans have one account holder and no seats or roles. A seat is a paid place for one person; each person can back up the computers and phone allowed per seat on your plan."),
        ("h1", "Roles"),
        ("grid", [
            ["Role", "How many", "Can do", "Cannot do"],
            ["Owner", "Exactly 1", "Everything, including closing the account, changing the region and transferring ownership", "-"],
            ["Admin", "Any number", "Invite and remove users, set policies, restore any user's files (Standard key), create API keys", "Close the account, change the Owner"],
            ["Billing Admin", "Any number", "Change payment details, download invoices, add and remove seats", "See or restore any files"],
            ["Restore Operator", "Any number", "Restore files for other users, view devices and errors", "Change policies, invite users, see billing"],
            ["Member", "Any number", "Back up their own devices and restore their own files", "Anything in the Admin Console"],
        ]),
        ("p", "Roles other than Owner do not cost extra, but every person with a role uses a seat, including Billing Admins who back up nothing."),
        ("h1", "Adding and removing seats"),
        ("h2", "Adding seats"),
        ("p", "Go to Admin Console > Billing > Seats > Add seats. New seats are available straight away and are charged pro rata for the rest of the billing period. Business Starter allows up to 25 seats; Business Pro needs at least 3 seats and allows up to 1,000."),
        ("h2", "Removing seats"),
        ("p", "Removing seats takes effect at the end of the current billing period; until then you can still use them. You can only remove a seat that is empty: remove or archive the user first."),
        ("h2", "What happens to a removed user's backups"),
        ("p", "When you remove a user, their devices stop backing up and their backups are kept for 30 days, so an Admin can still restore from them, and are then permanently deleted. To keep a leaver's backups longer, archive the user instead: an archived user does not use a seat, their backups stay restorable for as long as you keep the archive, and archiving costs £1.50 per archived user a month."),
        ("h1", "Transferring ownership"),
        ("steps", [
            "The current Owner opens Admin Console > Account > Transfer ownership.",
            "Choose an existing Admin as the new Owner.",
            "The new Owner receives an email and must accept within 72 hours, or the transfer is cancelled.",
            "When accepted, the old Owner becomes an Admin.",
        ]),
        ("p", "If the Owner has left and cannot transfer ownership, call Customer Support on 01 555 0120. We need a letter on company letterhead signed by a director, and the change takes up to 5 working days."),
        ("h1", "Changing a user's role"),
        ("p", "Admins change roles under Users > choose user > Role. The change applies at the user's next sign-in, or within 15 minutes if they are signed in."),
    ],
    "agent/agent-error-codes.docx": [
        ("title", "LumenVault agent error codes"),
        ("p", "The agent shows an error code in its window and in the tray or menu-bar icon. Look the code up below. Codes starting LV-API are from the developer API and are described on the developer site; LV-AUTH codes are sign-in problems."),
        ("h1", "Error code table"),
        ("grid", [
            ["Code", "Message", "What it means", "What to do"],
            ["LV-101", "Can't reach LumenVault", "No connection to our servers", "Check your internet connection; allow outgoing port 443 to *.lumenvault.example in your firewall"],
            ["LV-217", "Device limit reached", "Your plan has no free computer slot", "Remove an old device or inherit its backup; or upgrade"],
            ["LV-309", "Storage full", "You have used all your storage", "Free up space, exclude folders or add an extra 1 TB"],
            ["LV-402", "Payment problem", "A payment failed", "Update your card under Billing; backups continue until the account is suspended"],
            ["LV-509", "Upload throttled by network policy", "An Admin's network policy limits upload speed", "Nothing; the backup continues slowly. Ask your Admin if it is too slow"],
            ["LV-611", "Private key required", "The agent needs your private key passphrase", "Enter the passphrase; see Encryption keys if it is lost"],
            ["LV-712", "File in use, skipped", "A file was open and could not be read", "It is retried at the next backup; close the program if it keeps happening"],
            ["LV-820", "Agent out of date", "The agent is more than 12 months old", "Download the latest agent; old agents stop backing up"],
        ]),
        ("h1", "Exporting logs for Customer Support"),
        ("steps", [
            "Open the agent and choose Help > Export logs.",
            "Save the ZIP file to your desktop.",
            "Attach it to your email to support@lumenvault.example, with the error code in the subject line.",
        ]),
        ("p", "Logs are kept on the computer for 14 days. On Windows they are in C:\\ProgramData\\LumenVault\\logs and on macOS in /Library/Logs/LumenVault."),
        ("h1", "Updates"),
        ("p", "The agent updates itself automatically, normally within 7 days of a new release. Business Admins can delay updates by up to 30 days under Policies > Updates. An agent more than 12 months old shows LV-820 and stops backing up until it is updated."),
        ("h1", "Reinstalling the agent"),
        ("p", "Uninstalling the agent does not delete your backups. When you install it again on the same computer, sign in and choose Inherit a backup, then pick the same computer; nothing needs to be uploaded again."),
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
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b3a8c")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(t)
        story.append(Spacer(1, 3 * mm))

    title = next(str(v) for k, v in blocks if k == "title")

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, "LumenVault - help.lumenvault.example")
        canvas.drawRightString(190 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="LumenVault",
                            leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_docx(path: Path, blocks: list[tuple[str, object]]) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = next(str(v) for k, v in blocks if k == "title")
    d.core_properties.author = "LumenVault"
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
