"""Two guards whose words are not the customer's grievance: a routine claim, and a story told about others.

- A routine claim: in Spanish, French and Portuguese the word for a claim on an insurance, a
  warranty or a plan ("reclamación", "réclamation", "reclamação") is also the word for a complaint.
  Beside an insurer, a policy, a loss being claimed or a claim form, and with no grievance said, it
  is the routine claim the bot can explain ("¿cómo presento una reclamación al seguro?").
- A story: "the lawyer" in a film, book or series the customer talks about is a character, not a
  threat; a legal step the customer takes themselves ("my lawyer", "I will sue") still is one.

guards.py asks these through `Facts` for the rules that declare them (rule.py); kept here, not in
guards.py, because their words are language-specific lists a reviewer reads on their own.
"""
from __future__ import annotations

import re

from bot.triage.regex import alt

# What a routine claim is made on or with: an insurer, a policy, a warranty, a loss, the form.
CLAIM_CONTEXT = re.compile(
    r"\b" + alt(
        # English
        "insurance",
        "insurer",
        "warranty",
        "policy",
        "claim form",
        # Spanish
        "seguro",
        "seguros",
        "aseguradora",
        "poliza",
        "siniestro",
        "garantia",
        "cobertura",
        "formulario",
        "impreso",
        "peritaje",
        "perito",
        # French
        "assurance",
        "assureur",
        "mutuelle",
        "sinistre",
        "garantie",
        "police d assurance",
        "formulaire",
        "expert",
        # Portuguese
        "seguradora",
        "apolice",
        "sinistro",
        "formulario",
        "perito",
    ) + r"\b"
)

# A grievance said in Spanish, French or Portuguese: something still not done, for a long time, refused.
GRIEVANCE_ROMANCE = re.compile(
    r"\b" + alt(
        # Spanish
        "todavia",
        "aun no",
        "sigo esperando",
        "desde hace",
        "hace (?:[0-9]+|dos|tres|cuatro|varias|muchas) (?:semanas|meses)",
        "nadie",
        "otra vez",
        "de nuevo",
        r"rechaza\w*",
        r"denega\w*",
        "inaceptable",
        "vergonzos[oa]",
        "queja",
        # French
        "toujours pas",
        "depuis",
        "encore une fois",
        "personne ne",
        r"refus\w*",
        "inadmissible",
        "inacceptable",
        "plainte",
        # Portuguese
        "ainda nao",
        "continuo a esperar",
        "ha (?:[0-9]+|duas|tres|quatro|varias|muitas) (?:semanas|meses)",
        "ninguem",
        r"recusa\w*",
        r"negad[oa]s?",
        "inaceitavel",
        "absurdo",
    ) + r"\b"
)

# Something told about a film, a book, a series or a game: its characters are nobody's grievance.
# These words name a story whatever surrounds them.
FICTION = re.compile(
    r"\b" + alt(
        "film",
        "films",
        "movie",
        "movies",
        "novel",
        "novels",
        "episode",
        "episodes",
        "season [0-9]+",
        "tv show",
        "sitcom",
        "audiobook",
        "podcast",
        "documentary",
        "sequel",
        "board game",
        "video game",
        "pelicula",
        "novela",
        "personaje",
        "personnage",
        "horbuch",
        "filme",
        "personagem",
        "romanzo",
        "aflevering",
    ) + r"\b"
)
# Words that are a story only inside one: "book" is also the verb, "series" a series of charges,
# "characters" a password's, "plot" land, "Folge" a consequence, "temporada" any season. They count
# as a story in a phrase that places something in it ("in the book", "im Buch", "en la serie",
# "nel libro", "a drama about", "the series finale"), never on their own: a legal threat beside "book an appointment"
# or "12 characters" is still a legal threat.
_IN_A = alt(
    "in (?:the|this|that|a|his|her|their)",
    "en (?:la|el|esta|este|una|un)",
    "dans (?:le|la|l|ce|cette|un|une)",
    "im",
    "in (?:der|dem|diesem|dieser|einem|einer)",
    "(?:nel|nella|nello|in questo|in questa)",
    "(?:no|na|neste|nesta|num|numa)",
    "in (?:de|het|deze|dit|een)",
)
_STORY_WORDS = alt(
    "book",
    "books",
    "series",
    "drama",
    "thriller",
    "musical",
    "trailer",
    "chapter",
    "comic",
    "serie",
    "temporada",
    "libro",
    "capitulo",
    "livre",
    "roman",
    "saison",
    "buch",
    "folge",
    "staffel",
    "livro",
    "romance",
    "stagione",
    "boek",
    "seizoen",
)
FICTION_PHRASE = re.compile(
    r"\b" + alt(
        _IN_A + " " + _STORY_WORDS,
        _STORY_WORDS + " " + alt("about", "where", "in which", "club", "mentions"),  # "a thriller about a lawyer"
        alt("series", "season", "show") + " " + alt("finale", "premiere", "ending"),
        "main characters?",
    ) + r"\b"
)

# A legal step the customer takes: it is a threat whatever film it is about.
OWN_LEGAL_STEP = re.compile(
    r"\b" + alt(
        "(?:my|our) (?:lawyer|attorney|solicitor)s?",
        "(?:i|we) (?:will|am going to|are going to|shall) (?:sue|take|report|see you)",
        "sue you",
        "legal action",
        "mi abogad[oa]",
        "(?:voy|vamos) a (?:demandar|denunciar)",
        "mon avocat",
        "(?:je vais|nous allons) (?:porter plainte|vous poursuivre)",
        r"mein\w* (?:anwalt|anwaltin|rechtsanwalt)",
        "meu advogado",
        "vou (?:processar|denunciar)",
        "il mio avvocato",
        "mijn advocaat",
    ) + r"\b"
)


def routine_claim(norm: str) -> bool:
    """A claim on an insurance, warranty or plan, or its form, with no grievance said in es/fr/pt.

    `Facts.routine_claim` (guards.py) also asks that no English grievance is said.
    """
    return CLAIM_CONTEXT.search(norm) is not None and GRIEVANCE_ROMANCE.search(norm) is None


def about_a_story(norm: str) -> bool:
    """A film, book or series talked about, with no legal step of the customer's own (normalised text)."""
    told = FICTION.search(norm) is not None or FICTION_PHRASE.search(norm) is not None
    return told and OWN_LEGAL_STEP.search(norm) is None
