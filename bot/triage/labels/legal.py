"""Legal threats: lawyers, courts, regulators and consumer bodies, in five languages."""
from __future__ import annotations

from bot.triage.regex import alt
from bot.triage.rule import Label, Rule

_RULES = (
    Rule(
        "legal:en",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                alt(
                    "my",
                    "our",
                    "a",
                    "the",
                    "get",
                    "hire",
                    "call",
                    "contact",
                    "contacting",
                    "consult",
                    "consulting",
                ) + " (?:lawyer|attorney|solicitor)s?",
                "(?:lawyer|attorney|solicitor)s? (?:will|is going|are going|has|have|says|said)",
                "legal (?:action|proceedings|team|department|advice|counsel|steps)",
                "take (?:legal )?action against",
                "(?:going to|gonna|will|shall|to|would|i could|i can|i should|we will|we are going to) sue",
                "sue (?:you|your|the company|them|this company)",
                "suing",
                "sued",
                "lawsuit",
                "law suit",
                "class action",
                "(?:in|to|into) court",
                "court (?:case|action|order)",
                "small claims",
                "litigation",
                "cease and desist",
                "ombudsman",
                "regulator",
                "regulatory",
                "trading standards",
                "consumer protection",
                "better business bureau",
                "bbb",
                "ftc",
                "cfpb",
                "gdpr (?:complaint|violation|breach|rights|request)",
                r"(?:under|violat\w*|breach\w*)(?: the)? gdpr",
                "data protection (?:authority|officer|complaint|violation)",
                "ico complaint",
                "report (?:you|this|it|your company) to (?:the )?(?:authorities|regulator|police)",
                "breach of contract",
                "against the law",
                r"illegal\w*",
            ) + r"\b",
        ),
        yields_to_joke=True,
        examples=(
            "this is a formal notice under consumer protection law",
            "my lawyer will be in touch about the kettle that burned my kitchen counter",
        ),
        counter_examples=(
            "Hi there, bought the Duo grinder from you about a year and a half ago and it's started making a "
            "squeaking noise when it runs. It still grinds fine. Is that something I can fix myself with a spare "
            "part or does it need to go back under the warranty? Thanks, Ellie",
        ),
    ),
    Rule(
        "legal:es",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "abogad[oa]s?",
                r"demandar\w*",
                "demanda judicial",
                r"tribunal\w*",
                "juzgado",
                "accion(?:es)? legal(?:es)?",
                "defensa del consumidor",
                "profeco",
                r"denunciar\w*",
                "denuncia",
            ) + r"\b",
        ),
        yields_to_joke=True,
        examples=(
            "Voy a denunciar a la empresa",
        ),
        counter_examples=(
            "¿Cómo puedo cambiar la fecha de mi reserva?",
        ),
    ),
    Rule(
        "legal:fr",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                r"avocat\w*",
                "poursuivre en justice",
                "porter plainte",
                "tribunal",
                "action en justice",
                "mise en demeure",
                "cnil",
                "huissier",
                "association de consommateurs",
            ) + r"\b",
        ),
        yields_to_joke=True,
        examples=(
            "je vais contacter mon avocat",
        ),
        counter_examples=(
            "Est-ce que je peux changer mon adresse e-mail ?",
        ),
    ),
    Rule(
        "legal:de",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                "anwalt",
                r"rechtsanwalt\w*",
                "anwaltin",
                "klage",
                "verklagen",
                "vor gericht",
                "gericht",
                r"gerichtlich\w*",
                "rechtliche schritte",
                "abmahnung",
                "verbraucherzentrale",
                "datenschutzbehorde",
                "anzeige erstatten",
            ) + r"\b",
        ),
        yields_to_joke=True,
        examples=(
            "Ich werde rechtliche Schritte einleiten",
        ),
        counter_examples=(
            "Ich brauche keinen Menschen, nur die Öffnungszeiten",
        ),
    ),
    Rule(
        "legal:pt",
        confidence=0.9,
        patterns=(
            r"\b(?:advogad[oa]s?|processar|processo judicial|justica|procon|acao judicial|juizado)\b",
        ),
        yields_to_joke=True,
        examples=(
            "vou processar a empresa",
        ),
        counter_examples=(
            "What's the process for claiming on travel insurance for a lost suitcase?",
        ),
    ),
)

LEGAL = Label(
    "legal",
    rules=_RULES,
)
