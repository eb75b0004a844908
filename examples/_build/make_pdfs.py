"""Generate the example PDF documents so the knowledge base has real PDFs to load.

Run from anywhere: `python examples/_build/make_pdfs.py`. Needs `reportlab` (in the `test` extra).
The output is byte-for-byte reproducible (reportlab's invariant mode), so re-running it does not
change the committed files unless the text below changed.
"""
from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

EXAMPLES = Path(__file__).resolve().parent.parent

# Each document: (relative path, title, list of blocks). A block is ("h1"|"h2"|"p", text) or ("ul", [items]).
Block = tuple[str, object]

WARRANTY: list[Block] = [
    ("h1", "Kestrel Limited Warranty"),
    ("p", "Kestrel Brew Co. and Kestrel Brew Europe B.V. (\"Kestrel\") warrant the products listed below "
          "against defects in materials and workmanship under normal household use, for the periods "
          "stated, from the date the product was delivered to the first retail buyer. Version 3.2, "
          "applies to products bought from 1 March onwards."),
    ("h2", "1. Warranty periods"),
    ("ul", [
        "Kestrel Pour smart kettle: 2 years.",
        "Kestrel Grind and Kestrel Grind Pro grinders: 2 years; grinding burrs: 1 year.",
        "Kestrel Duo espresso machine: 2 years; boiler: 5 years.",
        "Kestrel Scale, carafes, portafilters and other accessories: 1 year.",
        "Bean Club members: 1 additional year on machines bought during an active membership.",
        "Commercial use (cafes, restaurants, shops, or more than 50 drinks a day): 1 year for all products.",
    ]),
    ("h2", "2. What Kestrel will do"),
    ("p", "If a covered defect appears during the warranty period, Kestrel will, at its option, repair the "
          "product, replace it with a new or refurbished product of equal or better function, or refund the "
          "purchase price. Kestrel pays for parts, labour and shipping in both directions. A repaired or "
          "replacement product is covered for the rest of the original warranty period or 90 days, whichever "
          "is longer."),
    ("h2", "3. What is not covered"),
    ("ul", [
        "Damage caused by limescale where the product was not descaled as the user guide recommends.",
        "Damage from drops, impacts, liquid poured into the base or electronics, or fire.",
        "Use on a voltage or plug other than the one for the region where the product was sold, including "
        "use with a voltage converter.",
        "Products opened, modified or repaired by anyone other than Kestrel or an authorised service partner.",
        "Normal wear of seals, gaskets, shower screens, filters and cosmetic surfaces.",
        "Products bought from unauthorised resellers, or whose serial number has been removed.",
    ]),
    ("h2", "4. How to make a claim"),
    ("p", "Start a claim at kestrelbrew.example/warranty or under Account > Products with the serial number "
          "and, for unregistered products, proof of purchase. Kestrel replies within 2 business days. Do not "
          "return a product without a claim number; parcels without one cannot be accepted."),
    ("h2", "5. Transfer to a new owner"),
    ("p", "The warranty transfers with the product to a new owner for the rest of its period if the product "
          "was bought new from Kestrel or an authorised retailer. The new owner needs the original proof of "
          "purchase or the previous owner's registration to be moved to their account."),
    ("h2", "6. Your statutory rights"),
    ("p", "This warranty is in addition to your rights under consumer law. In the UK and the EU, the seller "
          "is responsible for goods that are not in conformity with the contract for at least 2 years from "
          "delivery, whatever this warranty says."),
    ("h2", "7. Contact"),
    ("p", "Kestrel Brew Co., 1200 NW Marshall Street, Portland, OR 97209, USA. Kestrel Brew Europe B.V., "
          "Rotterdam, the Netherlands. Email: warranty@kestrelbrew.example."),
]

QUICK_START: list[Block] = [
    ("h1", "Kestrel Pour Quick Start Guide"),
    ("p", "Thank you for choosing the Kestrel Pour smart gooseneck kettle. This guide gets you from box to "
          "first pour in about five minutes. Keep it with your kettle."),
    ("h2", "In the box"),
    ("ul", ["Kestrel Pour kettle (0.9 litre)", "Power base with 1.2 m cable", "Water hardness test strip",
            "One sachet of Kestrel descaler", "This guide and the safety leaflet"]),
    ("h2", "Before first use"),
    ("ul", [
        "Place the base on a dry, flat surface at least 20 cm from walls and cupboards.",
        "Fill the kettle to the MAX line (0.9 l), boil, and pour the water away. Repeat twice to rinse.",
        "Dip the test strip in cold tap water for 1 second and compare it with the chart on the pouch. "
        "Enter the result in the app so that descale reminders match your water.",
    ]),
    ("h2", "Controls"),
    ("ul", [
        "Turn the dial to set the temperature from 40 to 100 °C in 1-degree steps; press to start heating.",
        "Press and hold the dial for 2 seconds to turn Hold on or off. Hold keeps the water at temperature "
        "for 30 minutes by default (up to 60 minutes in the app).",
        "Lift the kettle off the base at any time: heating pauses and the display shows the water temperature.",
        "Hold the dial down for 5 seconds to start the descaling program (display shows dES).",
    ]),
    ("h2", "Connect to the app"),
    ("p", "Install the Kestrel Brew app (iOS 16 or later, Android 10 or later), tap Devices > Add device and "
          "follow the steps. The kettle needs a 2.4 GHz Wi-Fi network. If pairing fails, hold the power "
          "button for 10 seconds to reset the network settings."),
    ("h2", "Safety"),
    ("ul", [
        "Use only with the supplied base, and only on the voltage printed on the base label.",
        "Do not fill above MAX: boiling water can spill from the spout.",
        "Never immerse the kettle or base in water or put them in a dishwasher.",
        "Children must be supervised when the kettle is in use.",
    ]),
    ("h2", "Help"),
    ("p", "Help center: help.kestrelbrew.example. Warranty: 2 years from delivery (see the Kestrel Limited "
          "Warranty). Serial number: on the label under the kettle, starting with KP."),
]

DOCUMENTS: list[tuple[str, str, list[Block]]] = [
    ("warranty/kestrel-limited-warranty.pdf", "Kestrel Limited Warranty", WARRANTY),
    ("products/kestrel-pour-quick-start.pdf", "Kestrel Pour Quick Start Guide", QUICK_START),
]


def _flowables(blocks: list[Block]) -> list[object]:
    """Turn the small block language above into reportlab flowables."""
    styles = getSampleStyleSheet()
    out: list[object] = []
    for kind, content in blocks:
        if kind == "ul":
            items = [ListItem(Paragraph(str(t), styles["BodyText"])) for t in content]  # type: ignore[union-attr]
            out.append(ListFlowable(items, bulletType="bullet", leftIndent=12))
        else:
            style = {"h1": "Title", "h2": "Heading2", "p": "BodyText"}[kind]
            out.append(Paragraph(str(content), styles[style]))
        out.append(Spacer(1, 2 * mm))
    return out


def build(root: Path = EXAMPLES) -> list[Path]:
    """Write every PDF under `root` and return their paths."""
    rl_config.invariant = 1  # fixed dates and ids -> reproducible bytes
    written: list[Path] = []
    for rel, title, blocks in DOCUMENTS:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author="Kestrel Brew Co.",
                                subject="Kestrel Brew Co. help center", invariant=1)
        doc.build(_flowables(blocks))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(f"{p.relative_to(EXAMPLES)}  {p.stat().st_size} bytes")
