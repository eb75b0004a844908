"""Legal threats: lawyers, courts, regulators and consumer bodies, in seven languages.

A lawyer in a film, book or series the customer talks about is a character (yields_to_story).
"""
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
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "I am a lawyer myself and my lawyer will be in touch about this contract",
            "this is a formal notice under consumer protection law",
            "the film you streamed cut off halfway and you still charged me, my lawyer will hear about it",
            "my lawyer will be in touch about the kettle that burned my kitchen counter",
        ),
        counter_examples=(
            "I am a lawyer and need an invoice with my firm's VAT number on it",
            "The puppy ate my second pair of slippers, I'm taking him to court 😂 which chew toys last longest?",
            "As a solicitor I often work late, can I book the meeting room after 8pm?",
            "In the film the lawyer wins the case at the end, is it available to rent in 4K?",
            "I loved the novel where the attorney defends the farmer, do you have the sequel in paperback?",
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
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "Voy a denunciar a la empresa",
        ),
        counter_examples=(
            "¿Cómo puedo cambiar la fecha de mi reserva?",
            "En la serie el abogado acaba en el tribunal, ¿cuándo sale la segunda temporada?",
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
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "je vais contacter mon avocat",
        ),
        counter_examples=(
            "Est-ce que je peux changer mon adresse e-mail ?",
            "Dans le film, l'avocat gagne le procès : est-il disponible en location ?",
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
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "Ich werde rechtliche Schritte einleiten",
        ),
        counter_examples=(
            "Ich brauche keinen Menschen, nur die Öffnungszeiten",
            "Im Buch verliert der Anwalt vor Gericht, gibt es das auch als Hörbuch?",
        ),
    ),
    Rule(
        "legal:it",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                r"avvocat\w*",
                "fare causa",
                "faro causa",
                "vi faccio causa",
                "azioni? legal[ei]",
                "vie legali",
                "tribunale",
                "giudice di pace",
                r"denuncer\w*",
                "sporgere denuncia",
                "associazione (?:dei )?consumatori",
                "codacons",
                "altroconsumo",
            ) + r"\b",
        ),
        yields_to_joke=True,
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "Se non mi rimborsate entro venerdì passo la pratica al mio avvocato",
            "Mi rivolgerò all'associazione consumatori per questa storia",
        ),
        counter_examples=(
            "A causa del traffico arrivo tardi al ritiro, potete aspettare?",
            "Nel romanzo l'avvocato vince la causa, avete anche il seguito?",
        ),
    ),
    Rule(
        "legal:nl",
        confidence=0.9,
        patterns=(
            r"\b" + alt(
                r"advocaat\w*",
                "naar de rechter",
                "rechtszaak",
                "juridische stappen",
                "aansprakelijk (?:stellen|gesteld)",
                "stel (?:ik )?(?:jullie|u|je|jou|het bedrijf) aansprakelijk",
                "ingebrekestelling",
                "geschillencommissie",
                "consumentenbond",
                "aangifte (?:doen|gedaan)",
            ) + r"\b",
        ),
        yields_to_joke=True,
        yields_to_story=True,
        yields_to_job_title=True,
        examples=(
            "Als het geld er maandag niet is, stap ik naar de rechter",
            "Ik stel jullie aansprakelijk voor de schade aan mijn vloer",
        ),
        counter_examples=(
            "Kan ik mijn bestelling ook ophalen bij het servicepunt?",
            "In de film wint de advocaat de zaak, staat die ook op jullie dienst?",
        ),
    ),
    Rule(
        "legal:pt",
        confidence=0.9,
        patterns=(
            r"\b(?:advogad[oa]s?|processar|processo judicial|justica|procon|acao judicial|juizado)\b",
        ),
        yields_to_joke=True,
        yields_to_story=True,
        yields_to_job_title=True,
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
